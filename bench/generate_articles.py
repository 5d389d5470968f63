#!/usr/bin/env python3
"""Generates a folder of synthetic news articles (~2.5 KB each) for benchmarks.

Usage: generate_articles.py COUNT OUTDIR [--seed N]
Mix: 60% .txt, 20% .md (front matter, links), 20% .html (nav, footer, links).
Each article has attributed, vague and unattributed claims with numbers and
dates, so every extraction path is exercised. Deterministic for a given seed.
"""
import os, random, sys

PEOPLE = ["Maria Lopez", "Omar Haddad", "Jane Ortiz", "Alan Brooks", "Lena Park", "Ana Silva", "Tom Becker", "Yuki Sato"]
TITLES = ["Senator", "Mayor", "Dr.", "Gov.", "Minister", "Professor"]
ORGS = ["the Harbor Authority", "the Ministry of Health", "the Energy Agency", "Acme Corp", "the central bank", "the city council"]
OUTLETS = ["Reuters", "The New York Times", "the Associated Press", "Bloomberg", "The Guardian", "BBC News", "Le Monde"]
VAGUE = ["Some experts", "Analysts", "Officials", "Sources familiar with the talks", "Critics", "Multiple sources"]
TOPICS = ["exports", "port traffic", "hospital admissions", "energy prices", "bus fares", "rents", "tourist numbers", "fish catches"]
VERBS = ["said", "told reporters", "reported", "announced", "wrote", "confirmed", "estimated", "added"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

TAILS = [", the highest level since records began", ", a change that surprised many people in the region",
         " after a long period of steady decline", ", although the picture varied a great deal from one district to the next",
         " despite warnings from several local business groups", ", according to figures published later in the week"]
PLAIN = ["Residents gathered in the square to talk about what the changes would mean for their families.",
         "The debate is likely to continue for some time, with both sides digging in for a long argument.",
         "Local businesses have been watching the situation closely and hoping for a quick resolution."]

def sentence(r):
    base = _sentence(r)
    if base.endswith(".") and r.random() < 0.7:
        base = base[:-1] + r.choice(TAILS) + "."
    return base

def _sentence(r):
    topic, n, year = r.choice(TOPICS), r.randint(2, 95), r.randint(2015, 2027)
    kind = r.random()
    if kind < 0.1:
        return r.choice(PLAIN)
    if kind < 0.25:
        return f"{r.choice(TITLES)} {r.choice(PEOPLE)} {r.choice(VERBS)} that {topic} rose {n} percent in {r.choice(MONTHS)} {year}."
    if kind < 0.45:
        return f"According to {r.choice(OUTLETS)}, {topic} fell by {n},{r.randint(100, 999)} units in {year}."
    if kind < 0.6:
        return f"{r.choice(VAGUE)} say {topic} could double by {year + 3}."
    if kind < 0.75:
        return f"{r.choice(ORGS)[0].upper() + r.choice(ORGS)[1:]} {r.choice(VERBS)} that {topic} reached {n} million in {year}."
    if kind < 0.9:
        return f"The {topic} figures for {year} were {n} percent above the average of the previous {r.randint(3, 12)} years."
    return f"It was a busy week for everyone who works on {topic}."

def paragraph(r, k):
    return " ".join(sentence(r) for _ in range(k))

def article(r, i):
    paras = []
    size = 0
    while size < 2300:
        p = paragraph(r, r.randint(2, 4))
        paras.append(p)
        size += len(p) + 1
    title = f"Report {i}: {r.choice(TOPICS).title()} in {r.choice(MONTHS)}"
    return title, paras

def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        sub = os.path.join(out, f"d{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        title, paras = article(r, i)
        roll = r.random()
        if roll < 0.6:
            body = title + "\n" + "\n".join(paras) + "\n"
            name = f"a{i:06d}.txt"
        elif roll < 0.8:
            link = f"https://news.example/{i}/source"
            paras[0] += f" The [full report]({link}) has the details for {2020 + i % 7}."
            body = f"---\ntitle: \"{title}\"\nauthor: Desk {i % 9}\ndate: 2026-0{1 + i % 9}-1{i % 10}\n---\n\n# {title}\n\n" + "\n\n".join(paras) + "\n"
            name = f"a{i:06d}.md"
        else:
            ps = "".join(f"<p>{p}</p>\n" for p in paras)
            body = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
                    f"<meta name=\"author\" content=\"Desk {i % 9}\"></head><body>"
                    f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>\n{ps}"
                    f"<p>Figures come from <a href=\"https://stats.example/{i}\">the statistics office</a> for {2020 + i % 7}.</p></article>"
                    f"<footer>© 2026 Example News</footer></body></html>\n")
            name = f"a{i:06d}.html"
        with open(os.path.join(sub, name), "w", encoding="utf-8") as f:
            f.write(body)

if __name__ == "__main__":
    main()
