#!/usr/bin/env bash
# Installs what train.py needs from Debian's packages, when it is missing: PyTorch and Pillow
# for the system Python (/usr/bin/python3; another python3 on PATH may not see them).
set -euo pipefail
if /usr/bin/python3 -c 'import torch, PIL' 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-torch python3-pil
