"""plans.reader.numbering: the numbers Word shows for list paragraphs, counted as Word
counts them (formats, levels, restarts, overrides, styles)."""

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given
from hypothesis import strategies as st

from plans.reader.numbering import WordNumbering, format_number

W = nsdecls("w")


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (4, "upperRoman", "IV"),
        (9, "upperRoman", "IX"),
        (14, "lowerRoman", "xiv"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (7, "decimalZero", "07"),
        (12, "decimal", "12"),
        (5, "none", ""),
        (5, "ordinalText", "5"),  # a format the reader does not spell: the number
        (10**9, "upperRoman", "1000000000"),  # a hostile start value stays cheap
        (10**9, "lowerLetter", "1000000000"),
        (0, "upperRoman", "0"),
    ],
)
def test_format_number(n, fmt, text):
    assert format_number(n, fmt) == text


def numbering(levels: str, nums: str) -> WordNumbering:
    return WordNumbering(parse_xml(f"<w:numbering {W}>{levels}{nums}</w:numbering>"))


def lvl(ilvl, fmt, text, start=1, extra=""):
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def para(num_id, ilvl=0, style=None):
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    num = (
        f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        if num_id is not None
        else ""
    )
    return parse_xml(f"<w:p {W}><w:pPr>{style_xml}{num}</w:pPr></w:p>")


MULTILEVEL = (
    '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "upperRoman", "%1.")
    + lvl(1, "decimal", "%2.")
    + lvl(2, "decimal", "%2.%3.")
    + lvl(3, "lowerLetter", "%4)")
    + "</w:abstractNum>"
)


def labels(numbers: WordNumbering, paragraphs) -> list:
    return [numbers.label(p) for p in paragraphs]


def test_levels_count_and_lower_levels_restart_under_a_higher_one():
    numbers = numbering(MULTILEVEL, '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    sequence = [(0,), (1,), (2,), (2,), (3,), (3,), (1,), (2,), (0,), (1,)]
    assert labels(numbers, [para("5", *s) for s in sequence]) == [
        "I.",
        "1.",
        "1.1.",
        "1.2.",
        "a)",
        "b)",
        "2.",
        "2.1.",
        "II.",
        "1.",
    ]


def test_a_new_instance_with_start_override_restarts_and_one_without_continues():
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    numbers = numbering(MULTILEVEL, nums)
    got = labels(numbers, [para("1", 1), para("1", 1), para("2", 1), para("3", 1)])
    assert got == ["1.", "2.", "3.", "1."]  # "Continue" vs "Restart at 1"


def test_start_value_and_level_restart_never():
    levels = (
        '<w:abstractNum w:abstractNumId="2">'
        + lvl(0, "decimal", "%1.", start=3)
        + lvl(1, "decimal", "%1.%2.", extra='<w:lvlRestart w:val="0"/>')
        + "</w:abstractNum>"
    )
    numbers = numbering(levels, '<w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>')
    got = labels(numbers, [para("7", 0), para("7", 1), para("7", 0), para("7", 1)])
    assert got == ["3.", "3.1.", "4.", "4.2."]  # level 1 never restarts


def test_legal_numbering_writes_every_level_in_decimal():
    levels = (
        '<w:abstractNum w:abstractNumId="3">'
        + lvl(0, "upperRoman", "%1.")
        + lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>")
        + "</w:abstractNum>"
    )
    numbers = numbering(levels, '<w:num w:numId="8"><w:abstractNumId w:val="3"/></w:num>')
    assert labels(numbers, [para("8", 0), para("8", 0), para("8", 1)]) == ["I.", "II.", "2.1."]


def test_bullets_and_paragraphs_outside_lists():
    levels = '<w:abstractNum w:abstractNumId="4">' + lvl(0, "bullet", "+") + "</w:abstractNum>"
    levels += '<w:abstractNum w:abstractNumId="5">' + lvl(0, "bullet", "") + "</w:abstractNum>"
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>'
    )
    numbers = numbering(levels, nums)
    assert labels(numbers, [para("1"), para("2"), para(None), para("0"), para("99")]) == [
        "+",
        "-",
        None,  # no numPr
        None,  # numId 0: numbering removed
        None,  # a list the document does not define
    ]


def test_numbering_through_a_paragraph_style_and_its_base():
    styles = parse_xml(
        f"<w:styles {W}>"
        '<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr>'
        "</w:pPr></w:style>"
        '<w:style w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
        '<w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>'
        "</w:styles>"
    )
    numbers = WordNumbering(
        parse_xml(
            f"<w:numbering {W}>{MULTILEVEL}"
            '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
        ),
        styles,
    )
    got = labels(
        numbers,
        [para(None, style="Heading1"), para(None, style="Heading2"), para(None, style="MyHeading")],
    )
    assert got == ["I.", "1.", "II."]


def test_a_document_without_numbering_numbers_nothing():
    assert WordNumbering(None).label(para("1")) is None


@given(
    st.lists(
        st.tuples(st.sampled_from(["5", "6", "0", "x", None]), st.integers(-2, 12)),
        max_size=40,
    )
)
def test_any_sequence_of_list_paragraphs_is_numbered_without_error(sequence):
    nums = (
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="7"/></w:lvlOverride></w:num>'
    )
    numbers = numbering(MULTILEVEL, nums)
    for num_id, ilvl in sequence:
        label = numbers.label(para(num_id, ilvl))
        assert label is None or (isinstance(label, str) and label)
