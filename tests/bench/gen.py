#!/usr/bin/env python3
"""Generate French diplomacy articles for benchmarks (not tests).

Sentences are written for this project and recombined, with names, places,
dates and numbers varied, so every article is different and about 5 KB.
usage: gen.py N OUTDIR          N articles as OUTDIR/aNNNNN.txt
       gen.py N --jsonl FILE    N articles as JSON Lines (id, date, title, text)
"""
import json, os, random, sys

PERSONS = [("Marco", "Ferri", "Italie", "italien"), ("Karen", "Holm", "Danemark", "danois"),
           ("Pedro", "Alves", "Portugal", "portugais"), ("Anna", "Novak", "Slovénie", "slovène"),
           ("Kenji", "Sato", "Japon", "japonais"), ("Arjun", "Mehta", "Inde", "indien"),
           ("Lucas", "Moreau", "France", "français"), ("Julia", "Brandt", "Allemagne", "allemand"),
           ("Ivan", "Petrenko", "Ukraine", "ukrainien"), ("Nikos", "Andreou", "Grèce", "grec"),
           ("Sofia", "Lindqvist", "Suède", "suédois"), ("Omar", "Haddad", "Jordanie", "jordanien"),
           ("Elena", "Ionescu", "Roumanie", "roumain"), ("Tomas", "Kral", "Tchéquie", "tchèque")]
TITLES = ["ministre des affaires étrangères", "ministre de la défense", "premier ministre",
          "ministre de l'économie", "président", "ministre du commerce"]
CITIES = ["Genève", "Vienne", "Bruxelles", "Varsovie", "Ankara", "Madrid", "Lisbonne", "Oslo",
          "Helsinki", "Prague", "Athènes", "Rome", "Berlin", "Tokyo", "New Delhi"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
TOPICS = ["la sécurité énergétique", "le commerce des céréales", "la reconstruction",
          "la cybersécurité", "les sanctions", "la transition climatique", "les migrations"]
SENTENCES = [
    "Le {title} {dem}, {p1}, a rencontré {day} à {city} son homologue {dem2}, {p2}.",
    "Les deux responsables se sont entretenus pendant deux heures de {topic}.",
    "« Nous voulons avancer ensemble sur {topic} », a déclaré M. {l1} à la presse.",
    "{P2f} a estimé que les discussions avaient été « franches et utiles ».",
    "Selon M. {l2}, un accord sur {topic} pourrait être signé avant la fin de l'année.",
    "Le gouvernement a annoncé une enveloppe de {amount} millions d'euros pour {topic}.",
    "Le texte, adopté {day} par le Parlement, prévoit {amount2} milliards de dollars d'aide.",
    "M. {l1} a ajouté que son pays verserait {amount} millions d'euros supplémentaires.",
    "Les deux pays doivent se retrouver à {city2} dans les semaines à venir.",
    "La {title2} {dem2} a dénoncé une décision « précipitée » et a appelé au dialogue.",
    "Dans un entretien téléphonique avec {p2}, {day}, {p1} a évoqué {topic}.",
    "Depuis {year}, les échanges entre les deux pays ont doublé, selon les chiffres officiels.",
    "Aucun calendrier n'a été fixé, mais les négociateurs se reverront en {month}.",
    "M. {l2} n'a pas souhaité commenter les informations de presse sur {topic}.",
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre",
          "octobre", "novembre", "décembre"]


def article(i, rng):
    a, b = rng.sample(PERSONS, 2)
    fill = dict(title=rng.choice(TITLES), dem=a[3], dem2=b[3], p1=f"{a[0]} {a[1]}",
                p2=f"{b[0]} {b[1]}", P2f=f"{b[0]} {b[1]}", l1=a[1], l2=b[1],
                day=rng.choice(DAYS), city=rng.choice(CITIES), city2=rng.choice(CITIES),
                topic=rng.choice(TOPICS), amount=rng.randint(2, 900), amount2=rng.randint(1, 60),
                title2=rng.choice(["porte-parole", "ministre"]), year=rng.randint(2005, 2022),
                month=rng.choice(MONTHS))
    title = f"{a[1]} et {b[1]} se retrouvent à {fill['city']}"
    paras, size = [title], len(title)
    while size < 5000:
        fill.update(topic=rng.choice(TOPICS), amount=rng.randint(2, 900), day=rng.choice(DAYS),
                    city2=rng.choice(CITIES), year=rng.randint(2005, 2022))
        para = " ".join(s.format(**fill) for s in rng.sample(SENTENCES, 5))
        paras.append(para)
        size += len(para) + 1
    return title, "\n".join(paras) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, rng = int(sys.argv[1]), random.Random(42)
    if sys.argv[2] == "--jsonl":
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            for i in range(n):
                title, text = article(i, rng)
                f.write(json.dumps({"id": f"bench-{i:05d}", "date": "2024-03-15", "title": title,
                                    "text": text}, ensure_ascii=False) + "\n")
        return
    os.makedirs(sys.argv[2], exist_ok=True)
    for i in range(n):
        _, text = article(i, rng)
        with open(os.path.join(sys.argv[2], f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
