"""Generate ``fixtures/reference/countries.json`` for the GCM implementation tracker.

The file lists the 193 UN Member States and the 2 non-member observer States
(Holy See, State of Palestine) with their ISO 3166-1 codes, UN M49 geography
and the UN regional economic commission(s) under whose regional review of the
Global Compact for Migration each State falls.

Data sources (no hand-typed country list):

* ``pycountry`` -- ISO 3166-1 alpha-2, alpha-3, numeric codes, ISO short and
  official names.
* ``country_converter`` -- UN membership (``UNmember``), M49 code
  (``UNcode``) and UN geoscheme sub-region name (``UNregion``).

The small tables in this module hold only what the libraries do not provide:
the M49 codes of the 5 regions / 22 sub-regions, the UN short names where they
differ from the ISO short names, the two observer States, one known
sub-region correction, and the rule exceptions for the review regions.

Usage (from the repository root)::

    python3 -m venv /tmp/cvenv
    /tmp/cvenv/bin/pip install pycountry country_converter "pandas<3"
    /tmp/cvenv/bin/python scripts/generate_countries.py

(``country_converter`` 1.3.x does not work with pandas 3.) The output is
deterministic: re-running with the same library versions yields a
byte-identical file, which is only rewritten when its content changes.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

import country_converter as coco
import pycountry

OUTPUT_PATH: Final = (
    Path(__file__).resolve().parent.parent / "fixtures" / "reference" / "countries.json"
)

EXPECTED_MEMBERS: Final = 193
OBSERVER_STATES: Final = frozenset({"VAT", "PSE"})  # non-member observer States
EXPECTED_TOTAL: Final = EXPECTED_MEMBERS + len(OBSERVER_STATES)

# --- UN M49 geoscheme ------------------------------------------------------

AFRICA, AMERICAS, ASIA, EUROPE, OCEANIA = "002", "019", "142", "150", "009"

M49_REGIONS: Final[dict[str, str]] = {
    AFRICA: "Africa",
    AMERICAS: "Americas",
    ASIA: "Asia",
    EUROPE: "Europe",
    OCEANIA: "Oceania",
}

NORTHERN_AMERICA, CENTRAL_ASIA = "021", "143"

# Sub-region name (as spelled by country_converter's ``UNregion``) -> (M49 code, region).
# For Africa and Latin America these are the M49 "intermediate regions", the
# customary level (Sub-Saharan Africa 202 / Latin America 419 are not used).
M49_SUBREGIONS: Final[dict[str, tuple[str, str]]] = {
    "Northern Africa": ("015", AFRICA),
    "Eastern Africa": ("014", AFRICA),
    "Middle Africa": ("017", AFRICA),
    "Southern Africa": ("018", AFRICA),
    "Western Africa": ("011", AFRICA),
    "Caribbean": ("029", AMERICAS),
    "Central America": ("013", AMERICAS),
    "South America": ("005", AMERICAS),
    "Northern America": (NORTHERN_AMERICA, AMERICAS),
    "Central Asia": (CENTRAL_ASIA, ASIA),
    "Eastern Asia": ("030", ASIA),
    "South-eastern Asia": ("035", ASIA),
    "Southern Asia": ("034", ASIA),
    "Western Asia": ("145", ASIA),
    "Eastern Europe": ("151", EUROPE),
    "Northern Europe": ("154", EUROPE),
    "Southern Europe": ("039", EUROPE),
    "Western Europe": ("155", EUROPE),
    "Australia and New Zealand": ("053", OCEANIA),
    "Melanesia": ("054", OCEANIA),
    "Micronesia": ("057", OCEANIA),
    "Polynesia": ("061", OCEANIA),
}

# Known errors in country_converter's UNregion (checked against UN M49).
SUBREGION_CORRECTIONS: Final[dict[str, str]] = {
    "NRU": "Micronesia",  # country_converter 1.3.2 says Polynesia; M49 has Nauru in 057.
}

# --- Names -----------------------------------------------------------------

# UN short names (UN Member States list / M49) where they differ from the
# ISO 3166 short name given by pycountry (e.g. "Korea, Republic of").
UN_SHORT_NAMES: Final[dict[str, str]] = {
    "BOL": "Bolivia (Plurinational State of)",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "MDA": "Republic of Moldova",
    "NLD": "Netherlands (Kingdom of the)",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "TZA": "United Republic of Tanzania",
    "USA": "United States of America",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
}

# Official names where neither library gives the UN form.
OFFICIAL_NAME_OVERRIDES: Final[dict[str, str]] = {
    "VAT": "Holy See",  # country_converter: "Vatican City State"; pycountry: none.
}

# --- Review regions (UN regional economic commissions) ---------------------

ECA, ECE, ECLAC, ESCAP, ESCWA = "ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"

REVIEW_REGIONS: Final[dict[str, str]] = {
    ECA: "Economic Commission for Africa (ECA)",
    ECE: "Economic Commission for Europe (ECE)",
    ECLAC: "Economic Commission for Latin America and the Caribbean (ECLAC)",
    ESCAP: "Economic and Social Commission for Asia and the Pacific (ESCAP)",
    ESCWA: "Economic and Social Commission for Western Asia (ESCWA)",
}

# ESCWA member States (21). Djibouti is included per the project brief; the
# most recent source found for this list (2021) still gave 20 members
# without Djibouti -- confirm against unescwa.org and edit if needed.
# fmt: off
ESCWA_MEMBERS: Final = frozenset({
    "DJI", "DZA", "EGY", "LBY", "MAR", "MRT", "SDN", "SOM", "TUN",  # in Africa
    "ARE", "BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR", "YEM",
})
# fmt: on

# Asian States (M49 Western Asia) that are reviewed in the ECE region.
ECE_ASIAN_STATES: Final = frozenset({"ARM", "AZE", "CYP", "GEO", "ISR", "TUR"})

# Regional members of ESCAP that are also members of ECE (ESCAP's member list).
ESCAP_ALSO: Final = frozenset(
    {"ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "TUR"}
)

# Observer States in no regional commission.
NO_COMMISSION: Final = frozenset({"VAT"})

# Per commission: where the member list comes from, as of when, and its non-regional members.
MEMBERSHIP: Final[dict[str, tuple[str, str, list[str]]]] = {
    "ECA": (
        (
            "ECA member States, uneca.org; the UN Network on Migration's page for "
            "the 2024 Africa regional review lists the 54 African member States"
        ),
        "2024-10-09",
        [],
    ),
    "ECE": (
        (
            "UNECE member States, unece.org (56 members); the UN Network on "
            "Migration's page for the 2024 UNECE regional review lists them. The "
            "Holy See is not a member"
        ),
        "2024-03-11",
        [],
    ),
    "ECLAC": (
        (
            "ECLAC member States, cepal.org: 46 members, 33 in Latin America and "
            "the Caribbean and 13 from outside the region"
        ),
        "2025-03-18",
        [
            "CAN",
            "FRA",
            "DEU",
            "ITA",
            "JPN",
            "NLD",
            "NOR",
            "PRT",
            "KOR",
            "ESP",
            "TUR",
            "GBR",
            "USA",
        ],
    ),
    "ESCAP": (
        (
            "ESCAP member States, unescap.org: 53 members (and 9 associate members "
            "that are not States), including France, the Netherlands, the United "
            "Kingdom and the United States"
        ),
        "2025-02-04",
        ["FRA", "NLD", "GBR", "USA"],
    ),
    "ESCWA": (
        (
            "ESCWA member States, unescwa.org. Djibouti: counted as the 21st member"
            " in 2024 copies of the ESCWA encyclopaedia entry; CEPEI (April 2021) "
            "counted 20 and named Djibouti and Comoros as non-members. Not "
            "confirmed on ESCWA's own list here"
        ),
        "2024-07-03",
        [],
    ),
}

REVIEW_REGION_RULES: Final = (
    "review_regions are [derived] and editable (see scripts/generate_countries.py): "
    "ECA = M49 Africa; ECLAC = Caribbean, Central and South America; "
    "ECE = Europe, Northern America, Central Asia and Armenia, Azerbaijan, Cyprus, "
    "Georgia, Israel, Türkiye; ESCWA = its 21 member States (Arab States of Africa are "
    "in both ECA and ESCWA); ESCAP = the rest of Asia and all of Oceania, plus Armenia, "
    "Azerbaijan, Georgia, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan, the "
    "Russian Federation and Türkiye; the Holy See is in none. Non-regional members and each "
    "commission's source are in MEMBERSHIP."
)


def check(condition: bool, message: str) -> None:
    """Raise ``AssertionError`` if ``condition`` is false (not stripped by ``-O``)."""
    if not condition:
        raise AssertionError(message)


def sort_key(name: str) -> tuple[str, str]:
    """Accent-insensitive sort key, so "Côte d'Ivoire" sorts after "Costa Rica"."""
    decomposed = unicodedata.normalize("NFKD", name)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return base.casefold(), name


def review_regions_for(alpha3: str, region: str, subregion: str) -> list[str]:
    """Return the regional commission codes for one State, by the documented rules."""
    found: set[str] = set()
    if alpha3 in NO_COMMISSION:
        return []
    if alpha3 in ESCAP_ALSO:
        found.add(ESCAP)
    if region == AFRICA:
        found.add(ECA)
    elif region == AMERICAS:
        found.add(ECE if subregion == NORTHERN_AMERICA else ECLAC)
    elif region == EUROPE:
        found.add(ECE)
    elif region == OCEANIA:
        found.add(ESCAP)
    elif region == ASIA:
        if subregion == CENTRAL_ASIA or alpha3 in ECE_ASIAN_STATES:
            found.add(ECE)
        elif alpha3 not in ESCWA_MEMBERS:
            found.add(ESCAP)
    if alpha3 in ESCWA_MEMBERS:
        found.add(ESCWA)
    return [code for code in REVIEW_REGIONS if code in found]


def official_name(country: Any, converter_official: str, name: str) -> str:
    """ISO official name (pycountry), else country_converter's, else the short name."""
    if country.alpha_3 in OFFICIAL_NAME_OVERRIDES:
        return OFFICIAL_NAME_OVERRIDES[country.alpha_3]
    candidate = getattr(country, "official_name", None) or converter_official or name
    return candidate.removeprefix("the ")


def build_countries() -> list[dict[str, Any]]:
    """Select the UN Member and observer States and build one row per State."""
    data = coco.CountryConverter().data
    selected = data[data["UNmember"].notna() | data["ISO3"].isin(OBSERVER_STATES)]
    rows: list[dict[str, Any]] = []
    for record in selected.itertuples(index=False):
        alpha3 = str(record.ISO3)
        country = pycountry.countries.get(alpha_3=alpha3)
        if country is None:
            raise LookupError(f"pycountry has no entry for {alpha3}")
        check(int(record.UNcode) == int(country.numeric), f"M49/ISO numeric mismatch for {alpha3}")

        subregion_name = SUBREGION_CORRECTIONS.get(alpha3, str(record.UNregion))
        check(
            subregion_name in M49_SUBREGIONS,
            f"unknown M49 sub-region {subregion_name!r} for {alpha3}",
        )
        subregion, region = M49_SUBREGIONS[subregion_name]

        name = UN_SHORT_NAMES.get(alpha3, country.name)
        converter_official = record.name_official if isinstance(record.name_official, str) else ""
        is_observer = alpha3 in OBSERVER_STATES
        rows.append(
            {
                "alpha2": country.alpha_2,
                "alpha3": alpha3,
                "numeric": country.numeric.zfill(3),
                "name": name,
                "official_name": official_name(country, converter_official, name),
                "un_status": "observer" if is_observer else "member",
                "m49_region": region,
                "m49_subregion": subregion,
                "review_regions": review_regions_for(alpha3, region, subregion),
            }
        )
    rows.sort(key=lambda row: sort_key(row["name"]))
    return rows


def validate(rows: list[dict[str, Any]]) -> None:
    """Check counts, uniqueness, references and a few known assignments."""
    status = Counter(row["un_status"] for row in rows)
    check(len(rows) == EXPECTED_TOTAL, f"expected {EXPECTED_TOTAL} States, got {len(rows)}")
    check(status["member"] == EXPECTED_MEMBERS, f"expected {EXPECTED_MEMBERS} members")
    check(status["observer"] == len(OBSERVER_STATES), "observer States missing")
    for field in ("alpha2", "alpha3", "numeric", "name"):
        values = [row[field] for row in rows]
        check(len(set(values)) == len(values), f"duplicate {field} values")
    by_alpha3 = {row["alpha3"]: row for row in rows}
    table_keys = {*UN_SHORT_NAMES, *OFFICIAL_NAME_OVERRIDES, *SUBREGION_CORRECTIONS}
    unknown = (table_keys | ESCWA_MEMBERS | ECE_ASIAN_STATES) - set(by_alpha3)
    check(not unknown, f"tables name States not in the list: {sorted(unknown)}")
    region_of_subregion = dict(M49_SUBREGIONS.values())
    for row in rows:
        alpha3 = row["alpha3"]
        check(len(row["numeric"]) == 3 and row["numeric"].isdigit(), f"bad numeric for {alpha3}")
        check(", " not in row["name"], f"ISO inverted name left for {alpha3}: {row['name']}")
        check(
            region_of_subregion.get(row["m49_subregion"]) == row["m49_region"],
            f"inconsistent M49 region/sub-region for {alpha3}",
        )
        check(
            bool(row["review_regions"]) or alpha3 in NO_COMMISSION,
            f"no review region for {alpha3}",
        )
    expected = {
        "PRT": ("150", "039", [ECE]),
        "KEN": ("002", "014", [ECA]),
        "LKA": ("142", "034", [ESCAP]),
        "MAR": ("002", "015", [ECA, ESCWA]),
        "MEX": ("019", "013", [ECLAC]),
        "VAT": ("150", "039", []),
        "KAZ": ("142", "143", [ECE, ESCAP]),
        "NRU": ("009", "057", [ESCAP]),
    }
    for alpha3, assignment in expected.items():
        row = by_alpha3[alpha3]
        actual = (row["m49_region"], row["m49_subregion"], row["review_regions"])
        check(actual == assignment, f"{alpha3}: expected {assignment}, got {actual}")


def build_payload(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Assemble the fixture document in schema order."""
    source = (
        f"pycountry {version('pycountry')} (ISO 3166-1 codes, ISO short and official names); "
        f"country_converter {version('country_converter')} (UN membership, M49 code and "
        "sub-region); M49 region/sub-region codes from the UN geoscheme (table in the script; "
        "Nauru corrected to Micronesia); names are ISO short names with UN-style forms for "
        f"{len(UN_SHORT_NAMES)} States. {REVIEW_REGION_RULES}"
    )
    return {
        "source": source,
        "m49_regions": [{"code": code, "name": name} for code, name in M49_REGIONS.items()],
        "m49_subregions": [
            {"code": code, "name": name, "region": region}
            for name, (code, region) in M49_SUBREGIONS.items()
        ],
        "review_regions": [
            {
                "code": code,
                "name": name,
                "membership_source": MEMBERSHIP[code][0],
                "membership_as_of": MEMBERSHIP[code][1],
                "non_regional_members": MEMBERSHIP[code][2],
            }
            for code, name in REVIEW_REGIONS.items()
        ],
        "countries": rows,
    }


def print_summary(rows: list[dict[str, Any]]) -> None:
    """Print counts per review region and the States in more than one."""
    per_region = Counter(code for row in rows for code in row["review_regions"])
    for code in REVIEW_REGIONS:
        print(f"{code:6} {per_region[code]:4}")
    multi = [row for row in rows if len(row["review_regions"]) > 1]
    print(f"in two regions: {len(multi)}")
    for row in multi:
        print(f"  {row['alpha3']} {row['name']}: {'+'.join(row['review_regions'])}")


def main() -> None:
    rows = build_countries()
    validate(rows)
    text = json.dumps(build_payload(rows), ensure_ascii=False, indent=2) + "\n"
    OUTPUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    if OUTPUT_PATH.exists() and OUTPUT_PATH.read_text(encoding="utf-8") == text:
        print(f"{OUTPUT_PATH} is up to date ({len(rows)} States)")
    else:
        OUTPUT_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT_PATH} ({len(rows)} States)")
    print_summary(rows)


if __name__ == "__main__":
    main()
