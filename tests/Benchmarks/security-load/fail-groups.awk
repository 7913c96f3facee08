# For security-load.sh: groups the fail:/crit: entries of the site's console logs by category,
# message and innermost exception, and prints "count × category — message — exception".
# Usage: awk -v re='^[0-9:.]* ?(fail|crit): ' -f fail-groups.awk site.log… | sort -rn
function flush(    k, i, e) {
    if (cat == "") return
    e = ""
    for (i = 2; i <= n && i <= 5; i++) if (l[i] ~ /^---> / || (e == "" && l[i] ~ /Exception/)) e = l[i]
    if (e == "" && n >= 2) e = substr(l[2], 1, 60) "…"   # e.g. the SQL of a failed command
    k = cat " — " l[1] (e == "" ? "" : " — " e)
    c[k]++
    cat = ""
}
$0 ~ re { flush(); cat = $0; sub(/^.*(fail|crit): /, "", cat); n = 0; next }
cat != "" && /^ / {
    line = $0
    gsub(/^ +/, "", line); gsub(/\([0-9]+ms\)/, "", line); sub(/ \[Parameters=.*/, "", line)
    l[++n] = substr(line, 1, 160)
    next
}
{ flush() }
END { flush(); for (k in c) print c[k] " × " k }
