#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image: a JDK is all the grader needs
# (kuibu-grading.jar bundles JUnit and every library the chapters use).
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless
chmod +x /autograder/source/run_autograder 2>/dev/null || true
java -version
