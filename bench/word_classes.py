#!/usr/bin/env python3
"""Writes Sources/ClaimTrackCore/Extract/WordClassData.swift from WordNet 3.0 (Debian's
wordnet-base, /usr/share/wordnet): for each one-word verb and noun lemma, the lexicographer
class of its most frequent sense (verb.communication, noun.person, ...) and whether one of its
first senses is a communication sense; and the irregular forms that lead to those lemmas.
The attribution tagger (AttributionTagger.swift) uses the classes as features, so a cue word it
never saw in training ("condemnation", "persuading") still looks like the ones it did.

Usage: bench/word_classes.py [WORDNET_DIR]   (then retrain: bench/train_attribution.sh)
"""
import os
import sys

# Nouns are kept only in these classes (WordNet lexicographer file numbers), which is where
# sources and cues are: act, cognition, communication, group, person. Verbs are all kept.
NOUN_CLASSES = {4, 9, 10, 14, 18}
COMMUNICATION = {'verb': 32, 'noun': 10}
SENSES_CHECKED = 3

NOTICE = """// WordNet 3.0 license (from Debian's wordnet-base):
//
// This software and database is being provided to you, the LICENSEE, by Princeton University
// under the following license. By obtaining, using and/or copying this software and database,
// you agree that you have read, understood, and will comply with these terms and conditions.:
//
// Permission to use, copy, modify and distribute this software and database and its
// documentation for any purpose and without fee or royalty is hereby granted, provided that you
// agree to comply with the following copyright notice and statements, including the disclaimer,
// and that the same appear on ALL copies of the software, database and documentation, including
// modifications that you make for internal use or for distribution.
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
//
// THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
// REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
// PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS
// FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION
// WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
//
// The name of Princeton University or Princeton may not be used in advertising or publicity
// pertaining to distribution of the software and/or database. Title to copyright in this
// software, database and any associated documentation shall at all times remain with Princeton
// University and LICENSEE agrees to preserve same."""


def synset_classes(wordnet, pos):
    classes = {}
    with open(os.path.join(wordnet, f'data.{pos}'), encoding='latin-1') as f:
        for line in f:
            if not line.startswith('  '):
                offset, lexfile = line.split(' ', 2)[:2]
                classes[offset] = int(lexfile)
    return classes


def lemma_codes(wordnet, pos):
    """lemma -> code: 'c' + class of the first sense, plus '+' when an early sense communicates."""
    classes = synset_classes(wordnet, pos)
    codes = {}
    with open(os.path.join(wordnet, f'index.{pos}'), encoding='latin-1') as f:
        for line in f:
            if line.startswith('  '):
                continue
            fields = line.split()
            lemma = fields[0]
            if not lemma.isalpha() or not lemma.isascii():
                continue
            pointers = int(fields[3])
            senses = [classes[o] for o in fields[6 + pointers:]]
            first = senses[0]
            if pos == 'noun' and first not in NOUN_CLASSES:
                continue
            communicates = COMMUNICATION[pos] in senses[:SENSES_CHECKED] and first != COMMUNICATION[pos]
            codes[lemma] = f'{first}{"+" if communicates else ""}'
    return codes


def exceptions(wordnet, pos, lemmas):
    pairs = []
    with open(os.path.join(wordnet, f'{pos}.exc'), encoding='latin-1') as f:
        for line in f:
            fields = line.split()
            form = fields[0]
            if not form.isalpha() or not form.isascii():
                continue
            for lemma in fields[1:]:
                if lemma in lemmas:
                    pairs.append(f'{form} {lemma}')
                    break
    return sorted(pairs)


def main():
    wordnet = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet'
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources', 'ClaimTrackCore', 'Extract', 'WordClassData.swift')
    lines = []
    for pos, letter in (('verb', 'v'), ('noun', 'n')):
        codes = lemma_codes(wordnet, pos)
        groups = {}
        for lemma, code in codes.items():
            groups.setdefault(code, []).append(lemma)
        for code in sorted(groups, key=lambda c: (int(c.rstrip('+')), c)):
            lines.append(f'{letter}{code} ' + ' '.join(sorted(groups[code])))
        lines.append(f'{letter}x ' + ' '.join(exceptions(wordnet, pos, codes)))
    with open(out, 'w') as f:
        f.write('// Generated by bench/word_classes.py from WordNet 3.0 (Debian wordnet-base); do not edit.\n')
        f.write(NOTICE + '\n')
        f.write('enum WordClassData {\n')
        f.write('    /// One line per class: "v32 lemma lemma …" (verbs whose first sense is in lexicographer file\n')
        f.write('    /// 32), "+" when an early sense communicates; "vx form lemma …" are irregular forms.\n')
        f.write('    static let lines = """\n')
        for line in lines:
            f.write(line + '\n')
        f.write('"""\n}\n')
    print(f'{out}: {sum(len(l.split()) - 1 for l in lines)} words, {os.path.getsize(out)} bytes')


if __name__ == '__main__':
    main()
