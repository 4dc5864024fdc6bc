"""Regenerate ``resources/sample_data/clients.json`` (run by hand; the output is committed).

    .venv/bin/python tests/sandbox/make_sample_clients.py

Names mix many origins so the client search and the UI meet accents, apostrophes and hyphens.
Phones use the fictional 555-01xx range; e-mails use the reserved example.* domains.
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

FIRST = [
    "Ann", "Olivia", "Liam", "Noah", "Emma", "Ava", "Mateo", "Sofía", "Chloé", "Aarav", "Priya",
    "Wei", "Mei", "Hiroshi", "Yuki", "Fatima", "Omar", "Aisha", "Kwame", "Amara", "Chidi",
    "Ngozi", "Lars", "Ingrid", "Björn", "Siobhan", "Ciarán", "Declan", "Zoë", "Renée", "José",
    "Lucía", "Diego", "Valentina", "Giulia", "Marco", "Anouk", "Daan", "Katarzyna", "Piotr",
    "Olga", "Dmitri", "Leila", "Reza", "Tamar", "Eitan", "Hana", "Jae-won", "Min-jun", "Thu",
    "Minh", "Kai", "Malia", "Grace", "Henry", "Ruth", "Samuel", "Eleanor", "Jamal", "Imani",
    "Marcus", "Tyrone", "Bianca", "Rosa", "Ahmed", "Nadia", "Sven", "Elif", "Mehmet", "Ana",
]
LAST = [
    "Smith", "Johnson", "Garcia", "Martínez", "Nguyen", "Chen", "Wang", "Kim", "Park", "Patel",
    "Sharma", "Okafor", "Adeyemi", "Mensah", "O'Brien", "O'Connor", "Murphy", "Fitzgerald",
    "Müller", "Schmidt", "Jensen", "Larsen", "Andersson", "Kowalski", "Nowak", "Ivanova",
    "Rossi", "Bianchi", "De Vries", "Van der Berg", "Haddad", "Khalil", "Hosseini", "Cohen",
    "Levi", "Tanaka", "Sato", "Yamamoto", "Tran", "Pham", "Silva", "Santos", "Oliveira",
    "Hernández", "López", "Brown", "Williams", "Taylor", "Jackson", "Washington", "Baptiste",
    "Dubois", "Lefèvre", "Yılmaz", "Demir", "Kaur", "Singh", "MacLeod", "Abernathy-Cole",
    "Whitfield", "Ruiz-Torres", "Mwangi", "Otieno", "Kealoha",
]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com"]
AREAS = ["617", "857", "781", "339", "508", "978"]
COUNT = 160
SEED = 20261125


def ascii_local(text: str) -> str:
    text = text.lower().translate({ord("ı"): "i", ord("ł"): "l", ord("ø"): "o", ord("ß"): "ss"})
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def make_clients() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    used_emails: set[str] = set()
    used_phones: set[str] = set()
    clients: list[dict[str, object]] = []
    while len(clients) < COUNT:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        index = len(clients) + 1
        email: str | None = None
        if index % 40 != 17:  # a few clients only ever gave a phone number
            pattern = rng.choice(["{f}.{l}", "{f}{l}", "{fi}{l}", "{f}_{l}{n}"])
            local = pattern.format(f=ascii_local(first), l=ascii_local(last),
                                   fi=ascii_local(first)[:1], n=rng.randint(1, 99))
            email = f"{local}@{rng.choice(DOMAINS)}"
            if email in used_emails:
                continue
            used_emails.add(email)
        phone: str | None = None
        if index % 27 != 5:  # and a few only an e-mail address
            while True:
                phone = f"+1 {rng.choice(AREAS)}-555-01{rng.randint(0, 99):02d}"
                if phone not in used_phones:
                    used_phones.add(phone)
                    break
        clients.append({
            "id": f"cl-{rng.getrandbits(32):08x}",
            "first_name": first,
            "last_name": last,
            "email": email,
            "phone": phone,
        })
    return clients


def main() -> None:
    target = Path(__file__).resolve().parents[2] / "resources" / "sample_data" / "clients.json"
    clients = make_clients()
    target.write_text(json.dumps(clients, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(clients)} clients to {target}")


if __name__ == "__main__":
    main()
