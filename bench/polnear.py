"""Reads PolNeAR's brat annotations, for the attribution scripts of bench/."""


def relations(path):
    """Each attribution relation of one .ann file that has a cue: cue and source spans (the first
    fragment of each, in code points) and their texts; the source is None when the relation has none;
    "content", every fragment of the content span (empty when there is none).
    Malformed lines, which a few train files have, are skipped."""
    spans, rels = {}, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("T"):
            tid, mid, text = (line.split("\t") + ["", ""])[:3]
            try:
                _, rest = mid.split(" ", 1)
                fragments = []
                for part in rest.split(";"):
                    a, b = part.split()
                    fragments.append((int(a), int(b)))
                spans[tid] = (fragments[0][0], fragments[0][1], text, fragments)
            except ValueError:
                continue
        elif line.startswith("E"):
            try:
                rels.append(dict(x.split(":") for x in line.split("\t")[1].split()[1:]))
            except (ValueError, IndexError):
                continue
    out = []
    for r in rels:
        c, s, content = spans.get(r.get("Cue")), spans.get(r.get("Source")), spans.get(r.get("Content"))
        if c:
            out.append({"cue": (c[0], c[1]), "cue_text": c[2],
                        "source": (s[0], s[1]) if s else None, "source_text": s[2] if s else None,
                        "content": content[3] if content else []})
    return out
