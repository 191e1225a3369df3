#!/usr/bin/env bash
# Makes the zip to upload as a Gradescope programming assignment's autograder:
#   setup.sh, run_autograder, kuibu-grading.jar and course/ (the instructor's course: its tests grade).
# Usage, from the course folder: grading/gradescope/make-autograder.sh [ZIP]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
zip="${1:-$root/grading/target/gradescope-autograder.zip}"
case "$zip" in /*) ;; *) zip="$PWD/$zip" ;; esac

(cd "$root" && ./mvnw -q -B package -pl grading -am -DskipTests)

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$root/grading/gradescope/setup.sh" "$root/grading/gradescope/run_autograder" "$root/grading/target/kuibu-grading.jar" "$stage/"
mkdir "$stage/course"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$root" archive --format=tar HEAD | tar -x -C "$stage/course"
else
  (cd "$root" && tar -c --exclude=target --exclude=.git .) | tar -x -C "$stage/course"
fi
rm -f "$zip"
mkdir -p "$(dirname "$zip")"
(cd "$stage" && jar --create --no-manifest --file "$zip" .)
echo "Wrote $zip: upload it as the autograder of a Gradescope programming assignment."
