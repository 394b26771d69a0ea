#!/usr/bin/env bash
# Trains the default model into packages/model/model (the Nx `train` target).
#   npx nx run model:train [--data=PATH] [--epochs=N] [--seed=N]
# PATH is a folder with train/ and train.lst, relative to the repository root or absolute;
# default ../shared/data/cifar100-bikes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"

data=../shared/data/cifar100-bikes
forwarded=()
for arg in "$@"; do
  case $arg in
    --data=*) data=${arg#--data=} ;;
    *) forwarded+=("$arg") ;;
  esac
done
if [ ! -f "$data/train.lst" ]; then
  echo "No training data at $data (expected train/ and train.lst); pass --data=PATH." >&2
  exit 2
fi

bash "$here/install-dependencies.sh"
exec /usr/bin/python3 "$here/train.py" --data "$data" --out packages/model/model "${forwarded[@]}"
