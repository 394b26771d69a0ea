#!/bin/sh
# What a test target's outcome depends on beyond its files, printed for Nx to hash (a `runtime`
# input). Tests skip themselves without Chromium or the training data; without this, Nx would
# replay a cached "Skipping ..." (with another checkout's path) on a machine that has them.
# Paths resolve from the project's folder, as the tests (run there by jest) resolve them.
#
#   sh tools/testing/test-inputs.sh chromium packages/monitor   # chromium at /usr/bin/chromium
#   sh tools/testing/test-inputs.sh data packages/model         # data at /.../cifar100-bikes: 1000 files, train.lst 123 4567
set -eu
what=${1:?usage: test-inputs.sh chromium|data PROJECT_ROOT}
cd "${2:?usage: test-inputs.sh chromium|data PROJECT_ROOT}"
case $what in
chromium)
  # Like the tests: CHROMIUM_PATH when set (even empty), else Debian's.
  browser=${CHROMIUM_PATH-/usr/bin/chromium}
  if [ -n "$browser" ] && [ -e "$browser" ]; then
    echo "chromium at $browser"
  else
    echo "no chromium at $browser"
  fi
  ;;
data)
  # Like the tests: SCONES_DATA, else ../shared/data/cifar100-bikes beside the checkout.
  data=${SCONES_DATA-../../../shared/data/cifar100-bikes}
  data=${data:-.}
  if [ -f "$data/train.lst" ]; then
    # A cheap fingerprint: where it is, how many images, and the listing's checksum.
    images=$(ls "$data/train" 2>/dev/null | wc -l | tr -d ' ')
    echo "data at $(cd "$data" && pwd -P): $images files, train.lst $(cksum <"$data/train.lst")"
  else
    echo "no data at $data"
  fi
  ;;
*)
  echo "test-inputs.sh: unknown input '$what' (chromium or data)" >&2
  exit 2
  ;;
esac
