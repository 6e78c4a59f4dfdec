#!/bin/sh
# Installs the org.loghandlers JBoss module into a WildFly: ./install.sh JBOSS_HOME
# Running it again replaces the installed copy with this one.
set -eu

module_path=org/loghandlers/main

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || fail "usage: install.sh JBOSS_HOME (the WildFly directory holding jboss-modules.jar)"
jboss_home=$1

[ -d "$jboss_home" ] || fail "JBOSS_HOME $jboss_home does not exist"
[ -f "$jboss_home/jboss-modules.jar" ] && [ -d "$jboss_home/modules" ] \
    || fail "$jboss_home is not a WildFly installation (no jboss-modules.jar and modules directory)"

# Beside this script: target/module/ in the source tree, or the unpacked module zip.
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$here/$module_path/module.xml" ]; then
    source_dir=$here/$module_path
elif [ -f "$here/target/module/$module_path/module.xml" ]; then
    source_dir=$here/target/module/$module_path
else
    fail "no built module beside $here (expected target/module/$module_path/module.xml); run ./mvnw install first"
fi

# User modules go in JBOSS_HOME/modules itself; modules/system/layers/base is WildFly's own.
target_dir=$jboss_home/modules/$module_path
staging_dir=$target_dir.installing
rm -rf "$staging_dir"
mkdir -p "$staging_dir"
cp "$source_dir"/* "$staging_dir"/
rm -rf "$target_dir"
mv "$staging_dir" "$target_dir"

echo "Installed module org.loghandlers into $target_dir:"
ls "$target_dir"
