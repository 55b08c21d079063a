from __future__ import annotations

from ficlens.text.notes import closing_talk_start, opening_talk_end

STORY = [
    "Willow opened the book and frowned at the first page.",
    "“It's in Latin,” she said. “Of course it's in Latin.”",
    "Buffy laughed and handed her a dictionary.",
]


def test_replies_to_reviewers_before_a_story_start_line_are_a_note() -> None:
    paras = [
        "Thanks to everyone who wrote in!",
        "Kit: yes, the cat comes back later.",
        "Okay, story time.",
        *STORY,
    ]
    assert opening_talk_end(paras) == 3
    assert opening_talk_end(["On with the fic!", *STORY]) == 1


def test_a_story_without_a_story_start_line_keeps_its_opening() -> None:
    assert opening_talk_end(STORY) == 0
    # a character may say "enjoy" inside the story: only a short line that is nothing else counts
    assert (
        opening_talk_end(["Enjoy the sunshine while it lasts, the old man told the children.", *STORY]) == 0
    )
    assert opening_talk_end(["Enjoy!"]) == 0  # nothing would be left
    # a one-line paragraph of story after story paragraphs is no end of a note
    assert opening_talk_end(["Willow opened the window.", "Here we go.", *STORY]) == 0
    assert opening_talk_end(["“Thanks for the story,” Buffy said.", "Here we go.", *STORY]) == 0


def test_a_closing_plea_for_reviews_is_a_note() -> None:
    paras = [*STORY, "So, did you like it? Leave a review and let me know!", "P.S. Next update soon."]
    assert closing_talk_start(paras) == 3
    assert closing_talk_start([*STORY, "You'll see more of the cat next chapter, I promise."]) == 3


def test_a_story_ending_in_dialogue_or_plain_narration_keeps_its_end() -> None:
    assert closing_talk_start(STORY) is None
    assert closing_talk_start([*STORY, "“Let me know when you need me,” Buffy said."]) is None
    assert closing_talk_start([*STORY, "It was the last chapter of her school days."]) is None
    assert closing_talk_start([*STORY, "The council would review her case, and update her file."]) is None
    # a letter in the story may end so: a "P.S." or "let me know" alone is no author's talk
    assert closing_talk_start([*STORY, "Let me know when you land. Love, W.", "P.S. Feed the cat."]) is None
