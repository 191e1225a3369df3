#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image: a JDK is all the grader needs
# (kuibu-grading.jar bundles JUnit and every library the chapters use). bubblewrap gives the student's
# code a sandbox where the container allows one; the user kuibu-student is who the student's code runs as
# (never root), so it can read neither the course's solutions nor write the results file.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap util-linux
id -u kuibu-student >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin kuibu-student
chmod +x /autograder/source/run_autograder 2>/dev/null || true
java -version
