"""The rest of 4 Oak, so the sample school has a full class of 30 (the real case).

Shorter portraits than ``sample_pupils``, built from a compact table. Needs, interests and
backgrounds are spread independently of each other on purpose: any pupil may love football,
chess or ballet, and no need belongs to one kind of family. Every name and detail is invented.
"""

from __future__ import annotations

from typing import Any, Final

from penportrait.core.sample_pupils import KAUR, PRIMARY, SENCO, WALSH

# first, last, preferred, pronouns, status, need, look, interest, must do (up to 3), avoid
_CLASS: Final[list[tuple[Any, ...]]] = [
    ("Adebayo", "Adeyemi", "Bayo", "he/him", "ehcp", "ASD", ("dark", "black", "short"),
     "trains and timetables",
     ["Warn me before any change and show it on my visual timetable",
      "Let me wear my ear defenders in noisy lessons", "Give me a job to do at transitions"],
     "Surprise changes without warning"),
    ("Chen", "Wei", "", "she/her", "sen_support", "SPLD", ("light-medium", "black", "bob"),
     "football and her team, Ashbrook Girls FC",
     ["Give me printed notes so I do not copy from the board",
      "Check I have understood the task before I start"],
     "Reading aloud without warning"),
    ("Oscar", "Lindqvist", "", "he/him", "sen_support", "SEMH", ("light", "blonde", "short"),
     "baking with his grandad",
     ["Greet me at the door and give me a calm start",
      "If I leave the room, do not follow me: phone the office"],
     "Raised voices or being told off in front of others"),
    ("Fatima", "Rahman", "", "she/her", "monitoring", "SLCN", ("medium", "black", "hijab"),
     "skateboarding and drawing comics",
     ["Give me time to answer: count to ten in your head"],
     "Finishing my sentences for me"),
    ("Jacob", "Evans-Nowak", "Jake", "he/him", "none", "", ("light", "brown", "curly"),
     "chess club", [], ""),
    ("Amara", "Eze", "", "she/her", "sen_support", "ASD", ("dark", "black", "puffs"),
     "the solar system",
     ["Do not insist on eye contact: I listen better without it",
      "Give me the plan for the lesson at the start", "Let me use my fidget tool"],
     "Touching me without asking"),
    ("Lukas", "Schmidt", "", "he/him", "none", "", ("light", "ginger", "short"),
     "swimming", [], ""),
    ("Isla", "McDonald", "", "she/her", "sen_support", "MLD", ("light", "red", "long"),
     "ballet and her dog, Pepper",
     ["Break tasks into small steps with a checklist",
      "Let me use counters and a number line in maths"],
     "Long lists of instructions"),
    ("Yusuf", "Demir", "", "he/him", "none", "", ("medium", "black", "short"),
     "coding games on Scratch", [], ""),
    ("Kofi", "Asante", "", "he/him", "sen_support", "SPLD", ("dark", "black", "short"),
     "the violin and the school orchestra",
     ["Let me show what I know by talking or drawing",
      "Give me a word bank for topic writing"],
     "Copying from the board"),
    ("Sienna", "Walsh-Brown", "", "she/her", "none", "", ("light", "brown", "ponytail"),
     "gymnastics", [], ""),
    ("Rohan", "Mehta", "", "he/him", "ehcp", "SEMH", ("medium", "black", "short"),
     "Lego and building bridges",
     ["Use my name and a calm voice; give me a choice of two",
      "Let me go to the calm corner when I show my red card",
      "If I leave the room, do not follow me: phone the office"],
     "Threatening a sanction in front of the class"),
    ("Evie", "Thompson", "", "she/her", "none", "", ("light", "blonde", "long"),
     "horse riding", [], ""),
    ("Tomasz", "Wojcik", "Tomek", "he/him", "sen_support", "SLCN", ("light", "brown", "short"),
     "history, especially the Romans",
     ["Show me new words with pictures", "Check I know what to do: ask me to tell you"],
     "Speaking fast with no pauses"),
    ("Nia", "Roberts", "", "she/her", "none", "", ("light", "brown", "bob"),
     "netball", [], ""),
    ("Alex", "Murphy", "", "they/them", "sen_support", "ASD", ("light", "brown", "short"),
     "grime music and writing lyrics",
     ["Tell me when the lesson will end and what comes next",
      "Let me work at the side table if it is loud"],
     "Asking me to work with a new partner without warning"),
    ("Zara", "Ahmed", "", "she/her", "none", "", ("medium", "black", "long"),
     "rugby", [], ""),
    ("Ben", "Cohen", "", "he/him", "monitoring", "SEMH", ("light", "brown", "curly"),
     "gardening at the allotment",
     ["Give me a quiet job if I look worried"],
     "Asking me to explain how I feel in front of others"),
    ("Joy", "Mensah", "", "she/her", "sen_support", "HI", ("dark", "black", "puffs"),
     "science experiments",
     ["Check my hearing aids are on at the start of the lesson",
      "Face me when you talk and do not cover your mouth", "Turn on subtitles for video"],
     "Talking while facing the board"),
]


def class_pupils() -> list[dict[str, Any]]:
    """The table above as pupil entries in the form of ``sample_pupils.PUPILS``."""
    entries = []
    for index, row in enumerate(_CLASS):
        first, last, preferred, pronouns, status, need, look, interest, must, avoid = row
        name = preferred or first
        strategies = [(text, True) for text in must]
        if status != "none":
            strategies.append(("Praise effort, quietly and specifically", False))
        entries.append(
            {
                "first_name": first,
                "last_name": last,
                "preferred_name": preferred,
                "pronouns": pronouns,
                "year": 4,
                "groups": [PRIMARY],
                "status": status,
                "primary_need": need,
                "secondary_needs": [],
                "summary": "",
                "about_me": f"I am {name}. I love {interest}.",
                "like_admire": f"{name} is friendly and works hard.",
                "important_to_me": f"Time for {interest} and my friends in 4 Oak.",
                "strengths": ["Kind to others"],
                "difficulties": [],
                "strategies": strategies,
                "avoid": [avoid] if avoid else [],
                "pupil_voice": "",
                "family_voice": "",
                "targets": [],
                "medical": [],
                "access_arrangements": [],
                "contacts": [WALSH, {**KAUR, "cover": True}, SENCO]
                if status != "none"
                else [WALSH],
                "written_with": ["pupil", "parent"],
                "reviewed_days_ago": 20 + (index * 11) % 100,
                "photo": index % 3 != 1,
                "look": look,
            }
        )
    return entries
