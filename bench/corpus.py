"""A synthetic news corpus for benchmarks: French and English articles full of figures.

Real articles cannot be shipped, and a benchmark over a handful of seeds says nothing
about scaling, so this builds as many articles as asked from templates written here.
The text exercises every path of the extractor: digits with French and English
grouping, number words, scale words, percentages, money, hedges, machine-translation
garbles (``100 XNUMX``, ``40.000 15.000 soldats``), dates, years and page chrome, and
articles share *stories*, so grouping and comparison get real subjects to work on.
Everything derives from one seed: the same seed writes the same bytes.

Usage: ``python -m bench.corpus OUT_DIR --articles 1000 --seed 7``
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

Lang = str  # "fr" or "en"

OUTLETS: dict[Lang, tuple[str, ...]] = {
    "fr": ("Le Quotidien du Nord", "La Gazette", "Info Continu", "Le Courrier de l'Est",
           "Dépêches 24", "Le Veilleur"),
    "en": ("The Daily Ledger", "Morning Wire", "Global Dispatch", "The Observer Desk",
           "Newsline", "The Chronicle Post"),
}
MONTHS: dict[Lang, tuple[str, ...]] = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WORDS: dict[Lang, dict[int, str]] = {
    "fr": {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 8: "huit", 10: "dix",
           12: "douze", 15: "quinze", 20: "vingt", 30: "trente", 40: "quarante",
           50: "cinquante", 60: "soixante", 100: "cent"},
    "en": {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten",
           12: "twelve", 15: "fifteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty",
           60: "sixty", 100: "a hundred"},
}
HEDGES: dict[Lang, tuple[str, ...]] = {
    "fr": ("", "", "environ ", "plus de ", "près de ", "au moins ", "moins de ", "quelque ",
           "jusqu'à ", "presque "),
    "en": ("", "", "about ", "more than ", "nearly ", "at least ", "fewer than ", "some ",
           "up to ", "around "),
}
SOURCES: dict[Lang, tuple[str, ...]] = {
    "fr": ("selon le ministère de la Défense", "selon les autorités locales",
           "d'après un responsable militaire", "selon l'agence de presse officielle",
           "selon des sources diplomatiques"),
    "en": ("according to the Defence Ministry", "according to local authorities",
           "a military official said", "the state news agency reported",
           "diplomatic sources said"),
}


@dataclass(frozen=True)
class Story:
    """A subject several articles report on, each with its own figure for it."""

    key: str
    value: int
    sentences: dict[Lang, tuple[str, ...]]  # "{fig}" is where the figure goes
    money: bool = False
    percent: bool = False


def _stories() -> list[Story]:
    """The subjects articles share; values are what 'the truth' is before each outlet's spin."""
    return [
        Story("troops", 175_000, {
            "fr": ("Les services de renseignement estiment que {fig} soldats russes sont massés "
                   "près de la frontière ukrainienne, {src}.",
                   "Moscou aurait déployé {fig} soldats à la frontière avec l'Ukraine.",
                   "{Src}, {fig} militaires russes restent stationnés dans la région."),
            "en": ("Intelligence services estimate that {fig} Russian troops are massed near the "
                   "Ukrainian border, {src}.",
                   "Moscow has deployed {fig} soldiers on the border with Ukraine.",
                   "{Src}, {fig} Russian troops remain stationed in the region."),
        }),
        Story("refugees", 2_300_000, {
            "fr": ("Le nombre de réfugiés ayant fui le pays atteint {fig}, {src}.",
                   "{Src}, {fig} réfugiés ont franchi la frontière depuis le début du conflit."),
            "en": ("The number of refugees who fled the country has reached {fig}, {src}.",
                   "{Src}, {fig} refugees have crossed the border since the conflict began."),
        }),
        Story("deaths", 29, {
            "fr": ("Le bilan fait état de {fig} morts dans la région, {src}.",
                   "{Src}, l'accident a fait {fig} victimes."),
            "en": ("The toll stands at {fig} deaths in the region, {src}.",
                   "{Src}, the accident left {fig} dead."),
        }),
        Story("injured", 140, {
            "fr": ("On compte par ailleurs {fig} blessés, dont plusieurs dans un état grave.",),
            "en": ("There were also {fig} injured, several of them seriously.",),
        }),
        Story("jobs", 12_500, {
            "fr": ("Le groupe industriel prévoit de supprimer {fig} emplois en Europe, {src}.",
                   "Le plan social concernerait {fig} postes, selon les syndicats."),
            "en": ("The industrial group plans to cut {fig} jobs in Europe, {src}.",
                   "The restructuring would affect {fig} jobs, unions said."),
        }),
        Story("budget", 413_000_000_000, {
            "fr": ("La loi de programmation militaire prévoit {fig} d'euros de dépenses.",
                   "Le budget des armées atteindra {fig} d'euros, {src}."),
            "en": ("The military spending bill provides for {fig} of euros in spending.",
                   "The defence budget will reach {fig} euros, {src}."),
        }, money=True),
        Story("aid", 1_200_000_000, {
            "fr": ("L'Union européenne a débloqué une aide de {fig} d'euros pour Kiev.",),
            "en": ("The European Union released {fig} euros in aid for Kyiv.",),
        }, money=True),
        Story("unemployment", 73, {
            "fr": ("Le taux de chômage s'établit à {fig}, {src}.",
                   "Le chômage a reculé à {fig} au dernier trimestre."),
            "en": ("The unemployment rate stands at {fig}, {src}.",
                   "Unemployment fell to {fig} in the last quarter."),
        }, percent=True),
        Story("tanks", 1_200, {
            "fr": ("L'armée aurait rassemblé {fig} chars et blindés dans le secteur.",),
            "en": ("The army is said to have gathered {fig} tanks and armoured vehicles there.",),
        }),
        Story("cases", 45_000, {
            "fr": ("Les autorités sanitaires ont enregistré {fig} cas en une semaine.",),
            "en": ("Health authorities recorded {fig} cases in one week.",),
        }),
    ]


FILLER: dict[Lang, tuple[str, ...]] = {
    "fr": (
        "La situation reste tendue, et les chancelleries multiplient les appels au calme.",
        "Le président doit s'exprimer {weekday} devant la presse, a indiqué son entourage.",
        "Les discussions reprendront le {day} {month} {year} à Genève, a précisé le porte-parole.",
        "Cette décision intervient après des semaines de négociations difficiles entre les "
        "partenaires européens.",
        "Les observateurs notent que la crise rappelle celle de {year2}, sans toutefois en avoir "
        "l'ampleur.",
        "Le Premier ministre a réuni son cabinet à {hour}h{minute} pour faire le point.",
        "Pour la {ordinal}e fois depuis le début de l'année, les ministres se sont réunis à "
        "Bruxelles.",
        "Les deux dirigeants ont convenu de se parler à nouveau dans les prochains jours.",
        "De nombreux experts jugent toutefois ces estimations prudentes, voire optimistes.",
        "Le G7 et l'Otan suivent de près l'évolution de la situation sur le terrain.",
        "En {year}, la région avait déjà connu des affrontements similaires.",
        "Plusieurs ONG dénoncent un manque de transparence sur les chiffres avancés.",
    ),
    "en": (
        "The situation remains tense, and capitals are calling for calm.",
        "The president is due to speak to reporters on {weekday}, aides said.",
        "Talks will resume on {month} {day}, {year} in Geneva, the spokesman said.",
        "The decision comes after weeks of difficult negotiations between European partners.",
        "Observers note that the crisis recalls that of {year2}, though on a smaller scale.",
        "The prime minister gathered his cabinet at {hour}:{minute} to take stock.",
        "For the {ordinal}th time this year, ministers met in Brussels.",
        "The two leaders agreed to speak again in the coming days.",
        "Many experts nonetheless consider these estimates cautious, even optimistic.",
        "The G7 and NATO are closely following developments on the ground.",
        "In {year}, the region had already seen similar clashes.",
        "Several NGOs denounce a lack of transparency over the figures put forward.",
    ),
}
TITLES: dict[Lang, tuple[str, ...]] = {
    "fr": ("Crise ukrainienne : les chiffres qui inquiètent les chancelleries",
           "Ce que l'on sait de la situation à la frontière",
           "Défense : le gouvernement dévoile ses arbitrages budgétaires",
           "Réfugiés, emplois, budget : le point sur la crise"),
    "en": ("Ukraine crisis: the figures worrying Western capitals",
           "What we know about the situation at the border",
           "Defence: government unveils its budget choices",
           "Refugees, jobs, budget: where the crisis stands"),
}
CHROME_TOP: dict[Lang, tuple[str, ...]] = {
    "fr": ("Accueil » International » Europe", "Publié le {day} {month} {year} à {hour}h{minute}",
           "Partager sur Facebook"),
    "en": ("Published {month} {day}, {year} {hour}:{minute}", "Share this article",
           "Advertisement"),
}
CHROME_BOTTOM: dict[Lang, tuple[str, ...]] = {
    "fr": ("À lire aussi : {title}", "{comments} commentaires",
           "Ce site utilise des cookies pour améliorer votre expérience.",
           "Mots-clés : Ukraine, Russie, Défense", "Abonnez-vous à notre newsletter"),
    "en": ("Read more: {title}", "{comments} comments",
           "This site uses cookies to improve your experience.",
           "Tags: Ukraine, Russia, Defence", "Subscribe to our newsletter"),
}


def group_digits(n: int, lang: Lang, rng: random.Random) -> str:
    """Digits grouped the way each language writes them (fr: spaces or dots; en: commas)."""
    if n < 1000:
        return str(n)
    raw = f"{n:,}"
    if lang == "en":
        return raw
    return raw.replace(",", rng.choice((" ", " ", "\u202f", "\u00a0", ".")))


def render_count(n: int, lang: Lang, rng: random.Random) -> str:
    """A count as a reporter writes it: digits, a scale word, or number words."""
    if n in WORDS[lang] and rng.random() < 0.5:
        return WORDS[lang][n]
    if n >= 1_000_000 and rng.random() < 0.6:
        millions = n / 1_000_000
        text = f"{millions:.1f}".rstrip("0").rstrip(".")
        if lang == "fr":
            return text.replace(".", ",") + (" million" if millions < 2 else " millions")
        return f"{text} million"
    if n >= 10_000 and n % 1000 == 0 and rng.random() < 0.2:
        return f"{n // 1000} mille" if lang == "fr" else f"{n // 1000} thousand"
    return group_digits(n, lang, rng)


def render_money(n: int, lang: Lang, rng: random.Random) -> str:
    if n < 1_000_000_000:
        millions = n // 1_000_000
        return f"{millions} millions" if lang == "fr" else f"{millions} million"
    billions = n / 1_000_000_000
    text = f"{billions:.1f}".rstrip("0").rstrip(".")
    if lang == "fr":
        return text.replace(".", ",") + (" milliard" if billions < 2 else " milliards")
    return f"{text} billion" if rng.random() < 0.7 else f"€{text}bn"


def render_percent(tenths: int, lang: Lang) -> str:
    whole, frac = divmod(tenths, 10)
    if lang == "fr":
        return f"{whole},{frac} %"
    return f"{whole}.{frac}%" if frac else f"{whole} percent"


def garble(n: int, lang: Lang, rng: random.Random) -> str:
    """Machine-translation damage: a lost thousands word, or two figures run together."""
    if n >= 1000 and n % 1000 == 0 and rng.random() < 0.6:
        return f"{n // 1000} XNUMX"
    other = max(1000, n // rng.choice((3, 4, 10)) // 1000 * 1000)
    return f"{n:,} {other:,}".replace(",", ".")


def spin(story: Story, rng: random.Random) -> int:
    """Each outlet's figure: mostly the consensus, sometimes rounded, sometimes far off."""
    roll = rng.random()
    if roll < 0.55:
        return story.value
    near, far = (0.8, 0.9, 1.1, 1.2), (0.5, 0.6, 1.5, 2.0)
    factor = rng.choice(near if roll < 0.85 else far)
    value = int(story.value * factor)
    if value >= 1000:
        value = round(value, -3 if value < 1_000_000 else -5)
    return max(1, value)


def figure(story: Story, value: int, lang: Lang, rng: random.Random) -> str:
    """The figure as written: hedged, ranged, in words, as money or percent, or garbled."""
    if story.percent:
        return rng.choice(HEDGES[lang][:4]) + render_percent(value, lang)
    if story.money:
        return render_money(value, lang, rng)
    if rng.random() < 0.07:
        return garble(value, lang, rng)
    hedge = rng.choice(HEDGES[lang])
    if rng.random() < 0.08:  # a range
        low = int(value * 0.8) // 1000 * 1000 or max(1, value - 3)
        a, b = group_digits(low, lang, rng), group_digits(value, lang, rng)
        return f"entre {a} et {b}" if lang == "fr" else f"between {a} and {b}"
    return hedge + render_count(value, lang, rng)


def fill(template: str, lang: Lang, rng: random.Random, when: date) -> str:
    months = MONTHS[lang]
    values: dict[str, Callable[[], str]] = {
        "weekday": lambda: rng.choice(WEEKDAYS[lang]),
        "day": lambda: str(rng.randint(1, 28)),
        "month": lambda: months[rng.randrange(12)],
        "year": lambda: str(when.year),
        "year2": lambda: str(rng.randint(1990, when.year - 1)),
        "hour": lambda: str(rng.randint(7, 22)),
        "minute": lambda: f"{rng.randrange(0, 60, 5):02d}",
        "ordinal": lambda: str(rng.randint(2, 9)),
        "comments": lambda: str(rng.randint(3, 480)),
        "title": lambda: rng.choice(TITLES[lang]),
    }
    out = template
    for key, make in values.items():
        while "{" + key + "}" in out:
            out = out.replace("{" + key + "}", make(), 1)
    return out


def article(index: int, rng: random.Random, stories: Sequence[Story], start: date) -> tuple[
        Lang, str, str, date]:
    """One article: chrome, title, 8–12 paragraphs mixing story figures and filler.

    Each article keeps one figure per story (as outlets do) and only rarely restates
    it differently, which is what self-contradiction checks look for.
    """
    lang = "fr" if rng.random() < 0.55 else "en"
    outlet = rng.choice(OUTLETS[lang])
    when = start + timedelta(days=rng.randrange(0, 365))
    lines = [rng.choice(TITLES[lang])]
    lines += [fill(t, lang, rng, when) for t in rng.sample(CHROME_TOP[lang], 2)]
    chosen = rng.sample(list(stories), rng.randint(3, 5))
    values = {story.key: spin(story, rng) for story in chosen}
    for _ in range(rng.randint(8, 12)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.5:
                story = rng.choice(chosen)
                template = rng.choice(story.sentences[lang])
                value = values[story.key] if rng.random() < 0.9 else spin(story, rng)
                src = rng.choice(SOURCES[lang])
                sentences.append(template.replace("{src}", src)
                                 .replace("{Src}", src[0].upper() + src[1:])
                                 .replace("{fig}", figure(story, value, lang, rng)))
            else:
                sentences.append(fill(rng.choice(FILLER[lang]), lang, rng, when))
        lines.append(" ".join(sentences))
    lines += [fill(t, lang, rng, when) for t in rng.sample(CHROME_BOTTOM[lang], 3)]
    return lang, outlet, "\n".join(lines) + "\n", when


def generate(out: Path, articles: int, seed: int = 7) -> list[Path]:
    """Write ``articles`` files and ``sources.csv`` into ``out``; same seed, same bytes."""
    rng = random.Random(seed)
    stories = _stories()
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    rows: list[tuple[str, str, str, str]] = []
    start = date(2021, 6, 1)
    for i in range(articles):
        lang, outlet, text, when = article(i, rng, stories, start)
        name = f"{i:06d}_{lang}.txt"
        path = out / name
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
        rows.append((name, outlet, when.isoformat(), lang))
    write_sources(out, rows)
    return paths


def write_sources(out: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """``sources.csv``: each file's outlet, publication date and language."""
    with (out / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("file", "outlet", "published", "language"))
        writer.writerows(rows)


def main(argv: Sequence[str] | None = None,
         make: Callable[[Path, int, int], list[Path]] = generate,
         doc: str | None = __doc__) -> None:
    """The command line of this generator, or of another with the same arguments."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = make(args.out, args.articles, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
