#!/usr/bin/env bash
# The authoring loop, folio's examples/site -serve beside `hugo server`, on
# the same generated blog: the time from saving one post to its page being
# complete on disk, for a body edit and for a title and tags edit; then a
# rebuild with no change, and a first build into an empty folder against
# the main branch's program.
#
# usage (from the project root): bench/compare-serve.sh [POSTS] [EDITS]
# Needs ../shared/bench (gencorpus.py, hugosite) and python3; installs
# Hugo v0.160.1 as ../shared/bench/compare-hugo.sh does when it is missing,
# and measures folio alone when that fails.
set -euo pipefail
n=${1:-10000}
edits=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
bench=${FOLIO_SHARED:-$here/../../shared}/bench
[ -d "$bench" ] || bench=$here/../../../shared/bench
work=${TMPDIR:-/tmp}/folio-serve-bench-$n
mkdir -p "$work"
# The edits below change the posts: each run starts from a fresh copy of
# the generated corpus, or titles grow from run to run.
[ -d "$work/pristine/content/posts" ] || python3 "$bench/gencorpus.py" "$work/pristine" "$n"
rm -rf "$work/content" && cp -r "$work/pristine/content" "$work/content"

hugo=$(command -v hugo 2>/dev/null || echo "$(go env GOPATH)/bin/hugo")
if [ ! -x "$hugo" ]; then
  echo "installing hugo v0.160.1 (once, a few minutes)" >&2
  GOTOOLCHAIN=go1.27.3 go install github.com/gohugoio/hugo@v0.160.1 || echo "hugo could not be installed: measuring folio alone" >&2
fi
go build -o "$work/folio-site" ./examples/site

# edit.py MODE SLUGS SRC_FILE OUT_DIR: saves one edit of SRC_FILE and
# prints the milliseconds until the post's page under OUT_DIR holds it.
# SLUGS says where the page is: folio names it after the file (the posts
# have no slug field), Hugo's :slug after the title.
cat > "$work/edit.py" <<'PY'
import os, re, sys, time
mode, slugs, src, out = sys.argv[1:5]
text = open(src, encoding="utf-8").read()
fm, body = text.split("\n---\n", 1)
title = re.search(r'^title: "(.*)"$', fm, re.M).group(1)
date = re.search(r'^date: (\d{4})-(\d{2})', fm, re.M)
marker = "edit%d" % time.time_ns()
def slug(t): return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")
if mode == "body":
    new = fm + "\n---\n" + body.replace("\n\n", "\n\n" + marker + " ", 1)
    want_title = title
else:
    want_title = title + " " + marker
    fm2 = fm.replace('title: "%s"' % title, 'title: "%s"' % want_title)
    fm2 = re.sub(r'^tags: \[', 'tags: ["tag-%s", ' % marker[-4:], fm2, flags=re.M)
    new = fm2 + "\n---\n" + body
name = os.path.splitext(os.path.basename(src))[0] if slugs == "file" else slug(want_title)
page = os.path.join(out, date.group(1), date.group(2), name, "index.html")
t0 = time.perf_counter()
with open(src, "w", encoding="utf-8") as f:
    f.write(new)
deadline = t0 + 60
while time.perf_counter() < deadline:
    try:
        with open(page, encoding="utf-8") as f:
            data = f.read()
        if marker in data and "</html>" in data:
            print("%.0f" % ((time.perf_counter() - t0) * 1000))
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.001)
print("timeout")
PY

# wait_for FILE: waits until FILE exists (the first build is done).
wait_for() { for _ in $(seq 1200); do [ -e "$1" ] && return 0; sleep 0.1; done; echo "timed out waiting for $1" >&2; return 1; }

measure() { # NAME SLUGS OUT_DIR
  local name=$1 slugs=$2 out=$3 i mode
  for mode in body title-tags; do
    local times=()
    for i in $(seq "$edits"); do
      local post
      post=$(printf "%s/content/posts/post-%06d.md" "$work" $(( (i * 997 + ${#mode}) % n )))
      times+=("$(python3 "$work/edit.py" "$mode" "$slugs" "$post" "$out")")
      sleep 1
    done
    echo "$name $mode edit → page on disk, ms: ${times[*]}"
  done
}

# folio
rm -rf "$work/folio-public"
"$work/folio-site" -src "$work/content" -out "$work/folio-public" -serve 127.0.0.1:18317 > "$work/folio-serve.log" 2>&1 &
folio_pid=$!
wait_for "$work/folio-public/sitemap.xml" && sleep 2
measure folio file "$work/folio-public"
kill "$folio_pid"; wait "$folio_pid" 2>/dev/null || true
grep '^rebuilt' "$work/folio-serve.log" | sed 's/^/folio serve: /'

echo "folio no-change rebuild: $("$work/folio-site" -src "$work/content" -out "$work/folio-public" | cut -d" " -f1-7)"

# hugo
if [ -x "$hugo" ]; then
  # contentDir rather than a symbolic link: Hugo's watcher does not
  # follow links.
  rm -rf "$work/hugosite" "$work/hugo-public" && cp -r "$bench/hugosite" "$work/hugosite"
  sed -i "1i contentDir = \"$work/content\"" "$work/hugosite/hugo.toml"
  flags=()
  "$hugo" server --help 2>/dev/null | grep -q -- --renderToDisk && flags+=(--renderToDisk)
  "$hugo" server -s "$work/hugosite" -d "$work/hugo-public" -p 18318 --bind 127.0.0.1 "${flags[@]}" > "$work/hugo-serve.log" 2>&1 &
  hugo_pid=$!
  wait_for "$work/hugo-public/sitemap.xml" && sleep 2
  measure hugo title "$work/hugo-public"
  kill "$hugo_pid"; wait "$hugo_pid" 2>/dev/null || true
fi

# the first build into an empty folder, this branch against main
# (FOLIO_MAIN), alternating, three times each; into tmpfs when there is
# one, since the disk's variance between two runs is larger than the
# difference between the programs
first=$work/first
[ -d /dev/shm ] && first=/dev/shm/folio-serve-bench-first
if [ -d "${FOLIO_MAIN:-/work/main}" ]; then
  (cd "${FOLIO_MAIN:-/work/main}" && go build -o "$work/folio-main" ./examples/site)
  for round in 1 2 3; do
    for bin in folio-main folio-site; do
      rm -rf "$first"
      /usr/bin/time -f "$bin first build: %e s wall, %U s user, %S s sys, %M KB peak" "$work/$bin" -src "$work/content" -out "$first" >/dev/null
    done
  done
  rm -rf "$first"
fi
