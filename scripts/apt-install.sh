# Sourced by the ensure-*.sh scripts: `apt_install "<who> tests" <package>…` installs Debian
# packages with apt-get when this user can (root, or sudo without a password); otherwise it stops
# with the one command to run.

apt_install() {
  local purpose=$1
  shift
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      echo "$purpose need $*: run 'sudo apt-get install -y $*', then try again." >&2
      exit 1
    fi
  fi
  echo "Installing Debian's $* for ${purpose,}…"
  export DEBIAN_FRONTEND=noninteractive
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }; then
    echo "Could not install $* with apt-get: install them by hand ('apt-get install -y $*'), then try again." >&2
    exit 1
  fi
}
