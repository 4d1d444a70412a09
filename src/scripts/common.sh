# Shared by the kit's scripts: where things are, and installing what a fresh machine lacks.
# Source it; it defines KIT, JUPYTER_PYTHON and the functions below.

KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Debian's Jupyter runs on the system Python, whatever `python3` on PATH is.
JUPYTER_PYTHON="${BACKPROP_KIT_PYTHON:-/usr/bin/python3}"

# Debian packages the kit uses: Jupyter and its execution/testing modules, fonts for charts, Graphviz
# (its dot program lays out the computation graphs of lesson 15); JupyterHub (and the HTTP/websocket/process
# modules its test drives it with) and jupyter_server for the workshop tests; pytest-xdist spreads the
# instructor tests over the cores. (Node, npm and Chromium are
# checked by command instead: see need_node and need_browser_tools.)
KIT_APT_PACKAGES="openjdk-17-jdk-headless maven jupyter-notebook jupyter-nbconvert python3-nbclient python3-nbconvert
 python3-nbformat jupyter-client python3-jupyter-kernel-test python3-pytest fontconfig fonts-dejavu-core graphviz
 jupyterhub python3-jupyter-server python3-jupyterlab-server python3-psutil python3-requests python3-websocket
 python3-pytest-xdist"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The feature version (17, 25, …) of the java executable $1 (default: java on PATH), or nothing.
java_feature() {
    "${1:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

# Java 17 or newer and Maven, or a clear message.
require_java() {
    command -v java >/dev/null || die "no 'java' on PATH: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)"
    local v
    v="$(java_feature)"
    [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "the kit needs Java 17 or newer, 'java' on PATH is $v"
    command -v mvn >/dev/null || die "no 'mvn' on PATH: install Maven 3.8+ (Debian: apt-get install maven)"
}

# The JDKs the tests run on, one java executable a line: the java on PATH, and the newest JDK in
# /usr/lib/jvm when it is another one.
test_jdks() {
    local default newest
    default="$(readlink -f "$(command -v java)")"
    newest="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
        v="$(java_feature "$j")"; echo "${v%%.*} $(readlink -f "$j")"; done | sort -n | tail -1 | cut -d' ' -f2)"
    echo "$default"
    if [ -n "$newest" ] && [ "$newest" != "$default" ]; then echo "$newest"; fi
}

# Installs the Debian packages named as arguments with apt-get (with sudo unless root).
apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "Installing Debian packages: $*"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Installs missing Debian packages when apt is there and we may use it; otherwise says what to do.
install_missing_packages() {
    local missing=()
    for p in $KIT_APT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        say "Not a Debian/Ubuntu machine: install Java 17+, Maven, and Jupyter yourself, e.g."
        echo "    pip install notebook nbclient nbconvert nbformat jupyter_client jupyter_kernel_test pytest"
        echo "    and run with BACKPROP_KIT_PYTHON=\$(command -v python3)"
        return 0
    fi
    apt_install "${missing[@]}"
}

# Node and npm, for the pages' math and the browser test: from Debian when missing (any node 18+ on PATH will do).
need_node() {
    command -v node >/dev/null && command -v npm >/dev/null && return 0
    command -v apt-get >/dev/null || die "node and npm are missing: install Node.js 18 or newer"
    apt_install nodejs npm
}

# MathJax from npm, pinned by src/scripts/math/package-lock.json: run-lessons.py typesets the HTML pages' math
# with it, so the pages show formulas offline and on machines without MathJax.
install_math_renderer() {
    [ -d "$KIT/src/scripts/math/node_modules/mathjax-full" ] && return 0
    need_node
    say "Installing MathJax from npm for the HTML pages' math (pinned in src/scripts/math/package-lock.json)"
    (cd "$KIT/src/scripts/math" && npm ci --no-audit --no-fund --loglevel=error)
}

# Builds the kit's jar and copies its dependencies to target/lib.
build_kit() {
    say "Building the kit (mvn package)"
    (cd "$KIT" && mvn -B -q package -DskipTests) || die "the build failed; run 'mvn -B package' to see why"
}

# Installs the kernel as NAME for JAVA into a temporary Jupyter path (exported as JUPYTER_PATH), so tests
# never touch the user's own kernels. The caller removes "$KIT_TEMP_JUPYTER" when done.
temporary_kernel() {
    local name="$1" java="$2"
    if [ -z "${KIT_TEMP_JUPYTER:-}" ]; then
        KIT_TEMP_JUPYTER="$(mktemp -d)"
        export JUPYTER_PATH="$KIT_TEMP_JUPYTER/share/jupyter"
    fi
    bash "$KIT/src/scripts/install-kernel.sh" --prefix "$KIT_TEMP_JUPYTER" --java "$java" --name "$name" --no-build >/dev/null
}

# pytest's options for spreading tests over N workers (pytest-xdist, e.g. 2 or auto) when it is installed for
# $JUPYTER_PYTHON, else none; one option per line, for mapfile.
pytest_workers() {
    if "$JUPYTER_PYTHON" -c "import xdist" 2>/dev/null; then printf '%s\n' -n "$1"; fi
}

# Node, npm and Chromium for the browser tests, by command: Node may come from elsewhere than Debian
# (NodeSource's nodejs carries its own npm, which Debian's npm package would conflict with).
need_browser_tools() {
    local missing=()
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "the browser test needs ${missing[*]}: install them (Chromium or Chrome: set CHROMIUM=path)"
    apt_install "${missing[@]}"
}
