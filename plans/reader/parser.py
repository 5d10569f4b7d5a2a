"""Read the text of a Vietnamese plan (*Kế hoạch*) into a :class:`ParsedPlan`. Pure Python.

:func:`parse_plan` reads the text the way NĐ 30/2020 lays a plan out: "Số: 19/KH-TGPL",
"Lạng Sơn, ngày 20 tháng 01 năm 2021", "KẾ HOẠCH" and its title, the "Căn cứ" / "Thực
hiện" intro, sections "I.", items "1.", "2.1.", "a)" with labelled lines ("- Chủ trì:",
"- Thời gian thực hiện:", ...), "Nơi nhận:" and the signer (the header and the signer
are read by :mod:`plans.reader.header`).

Text copied from PDFs is repaired first (:func:`plans.reader.lines.paragraphs`): a line
that does not end a sentence is joined to the next one when that starts in lower case
(even across a blank line or a page number) or when it ends on a word such as "của",
"và", ",". Markdown marks, non-breaking spaces, Unicode forms and dash styles are
normalised.

The parser never raises on text: what it cannot place ends up in ``body`` or ``warnings``.

Kinds of item: one with a labelled line (or a money amount, or "+ ... trước ngày"
milestones) is a "task"; Roman sections, items with children and unlabelled items of the
"MỤC ĐÍCH, YÊU CẦU" / "KINH PHÍ" sections are "heading"s; any other leaf is a "task".
What the header leaves blank (the year, the issuing body) and the kind of plan are read
from the body (:mod:`plans.reader.inference`).

Limits: text boxes, headers and footers are skipped; "Phần I"/"Chương" levels, labels in
parentheses "(Chủ trì: ...)" and annexes after the signature are not read; a line
repeating an existing number ("1." twice in a section) is kept as text of the previous
item; legacy TCVN3/VNI encodings are not detected.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .budget import labelled_lines, text_lines
from .contract import ParsedItem, ParsedPlan, ParsedSection
from .files import read_plan_text
from .header import clean_recipient, parse_header, parse_signer
from .inference import body_year, guess_kind, issuing_body, referenced_plans
from .lines import (
    ANNEX_RE,
    CLOSING_RE,
    INTRO_RE,
    LABEL_FIELD,
    LABEL_RE,
    LABEL_SPLIT_RE,
    NOI_NHAN_RE,
    PLAN_TYPE_RE,
    YEAR_IN_TITLE_RE,
    Para,
    classify,
    ends_sentence,
    is_header_line,
    is_signer_line,
    is_upper,
    label_key,
    paragraphs,
)
from .timeframes import read_timeframe
from .units import (
    find_money,
    find_quantities,
    parse_lead_value,
    parse_milestone,
    parse_partner_value,
)

logger = logging.getLogger(__name__)

# "II", "II.2.2.1", "II.1.1.a", "1.2" (no section), "a" is never alone.
PATH_RE = re.compile(r"^(?:[IVX]+|\d+)(?:\.\d+)*(?:\.[a-zđ])?$")


# --- The parser ------------------------------------------------------------------------


@dataclass
class _Work:
    item: ParsedItem
    body: list[Para] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)
    section_lines: list[str] = field(default_factory=list)


def _section_role(title: str) -> str | None:
    t = title.casefold()
    if "mục đích" in t or "mục tiêu" in t or "yêu cầu" in t:
        return "purpose"
    if "tổ chức thực hiện" in t:
        return "organisation"
    if "kinh phí" in t:
        return "budget"
    if any(w in t for w in ("nội dung", "nhiệm vụ", "giải pháp", "hoạt động", "tiến độ")):
        return "content"
    return None


def _split_labels(text: str) -> tuple[str, list[tuple[str, str]]]:
    """ "Tổ chức hội nghị; Thời gian: Quý I" -> ("Tổ chức hội nghị", [("timeframe", "Quý I")])."""
    parts = LABEL_SPLIT_RE.split(text)
    head, labels = parts[0], []
    m = LABEL_RE.match(head)
    if m:
        head = ""
        parts = [m.group(0), *parts[1:]]
    for part in parts if m else parts[1:]:
        lm = LABEL_RE.match(part)
        if lm:
            labels.append((LABEL_FIELD.get(label_key(lm["label"]), "result"), lm["value"]))
    return head.strip(), labels


def _strip_title(text: str) -> str:
    text = re.sub(r"\s*\./\.\s*$", "", text.strip())
    if not text.endswith(("...", "…")):
        text = re.sub(r"\s*[.:;,]+$", "", text)
    return text.strip()


def _clean_value(text: str) -> str:
    return re.sub(r"\s*(?:\./\.|[.;,])+$", "", text.strip()).strip()


def _dedupe_quantities(found) -> list:
    """The result often repeats the title's target ("12 chuyên mục" twice, "20 buổi truyền
    thông" then "20 buổi"): once, with the longer name."""
    out: list = []
    for q in found:
        unit = q["unit"].casefold()
        same = next(
            (
                o
                for o in out
                if o["quantity"] == q["quantity"]
                and (o["unit"].casefold().startswith(unit) or unit.startswith(o["unit"].casefold()))
            ),
            None,
        )
        if same is None:
            out.append(q)
        elif len(q["unit"]) > len(same["unit"]):
            same["unit"] = q["unit"]
    return out


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


class _PlanParser:
    def __init__(self, text: str):
        self.paras = paragraphs(text)
        self.plan = ParsedPlan()
        self.works: dict[str, _Work] = {}

    def warn(self, message: str) -> None:
        self.plan.warnings.append(message)

    # The document, top to bottom ------------------------------------------------------

    def parse(self) -> ParsedPlan:
        paras, plan = self.paras, self.plan
        kinds = [classify(p)[0] for p in paras]
        first_struct = next((i for i, k in enumerate(kinds) if k in ("roman", "num")), len(paras))
        type_idx = next(
            (i for i, p in enumerate(paras[:first_struct]) if PLAN_TYPE_RE.match(p.text)), None
        )
        if type_idx is None:
            header_end = next(
                (i for i, p in enumerate(paras[:first_struct]) if INTRO_RE.match(p.text)),
                first_struct,
            )
            header_end = min(header_end, 15)
            title_end = header_end
        else:
            header_end = type_idx
            title_end = self._parse_title(type_idx)
        date_year = parse_header(paras[:header_end], plan)
        if plan.symbol is None:
            self.warn("Không tìm thấy số, ký hiệu văn bản (Số: .../KH-...).")
        if date_year is None:
            self.warn("Không tìm thấy địa danh, ngày tháng năm ban hành.")
        if type_idx is None:
            self.warn('Không tìm thấy tên loại văn bản "KẾ HOẠCH".')
        title_year = YEAR_IN_TITLE_RE.search(plan.title or "")
        title_year = int(title_year.group(1)) if title_year else None
        plan.year = plan.date.year if plan.date else date_year or title_year
        # A plan signed on 28/12/2022 "năm 2023" means 2023 by "Cả năm", "Quý I".
        plan.period_year = title_year or plan.year

        body_start = next(
            (i for i in range(title_end, len(paras)) if kinds[i] in ("roman", "num")), len(paras)
        )
        body_end = next(
            (i for i in range(body_start, len(paras)) if self._ends_body(paras[i])), len(paras)
        )
        plan.legal_bases = [
            p.display
            for p in paras[title_end:body_start]
            if not is_header_line(p.text) and not is_upper(p.text)
        ]
        plan.referenced_plans = referenced_plans(plan.legal_bases)
        plan.issuing_body = issuing_body(plan.legal_bases, plan.issuer, plan.parent_agency)
        plan.kind = guess_kind(plan.title, plan.legal_bases)
        self._parse_body(paras[body_start:body_end])
        self._parse_tail(paras[body_end:])
        if not plan.items:
            self.warn("Không tìm thấy mục nào được đánh số (I., 1., 1.1., a)...).")
        return plan

    def _parse_title(self, type_idx: int) -> int:
        paras = self.paras
        rest = PLAN_TYPE_RE.match(paras[type_idx].text)["rest"]
        parts = [rest] if rest else []
        i = type_idx + 1
        while i < len(paras) and len(parts) < 4:
            p = paras[i]
            if p.bullet or classify(p)[0] != "text" or is_header_line(p.text):
                break
            if NOI_NHAN_RE.match(p.text) or CLOSING_RE.match(p.text):
                break
            if not parts and (p.text.startswith("Căn cứ") or len(p.text) > 300):
                break  # no trích yếu: the intro follows "KẾ HOẠCH" directly
            if parts:
                previous = paras[i - 1]
                same_style = p.bold and previous.bold
                follows = not p.gap and not INTRO_RE.match(p.text) and len(p.text) < 200
                if not (same_style or follows) or ends_sentence(previous.text):
                    break
            parts.append(p.text)
            i += 1
        title = " ".join(parts).strip()
        self.plan.title = _strip_title(title) or None
        return i

    def _ends_body(self, para: Para) -> bool:
        """ "Nơi nhận:", "Trên đây là ...", "GIÁM ĐỐC", "PHỤ LỤC": the items are over."""
        text = para.text
        if para.bullet is not None or classify(para)[0] != "text":
            return False
        return bool(
            is_signer_line(text)
            or CLOSING_RE.match(text)
            or NOI_NHAN_RE.match(text)
            or ANNEX_RE.match(text)
        )

    # Items -------------------------------------------------------------------------------

    def _new_item(self, path, number, title, parent) -> _Work:
        parent_work = self.works.get(parent) if parent else None
        role = parent_work.item.section_role if parent_work else None
        head, labels = _split_labels(title)
        item = ParsedItem(
            path=path,
            number=number,
            level=path.count(".") + 1,
            title=_strip_title(head or title),
            parent=parent,
            section_role=role if parent else _section_role(head or title),
        )
        work = _Work(item, labels=labels)
        self.works[path] = work
        self.plan.items.append(item)
        return work

    def _parse_body(self, paras: list[Para]) -> None:
        section: _Work | None = None  # the Roman section
        top: _Work | None = None  # the top-level item (section, or "1." without sections)
        numbered: _Work | None = None  # parent for "a)" items
        current: _Work | None = None  # receives text and labels
        for para in paras:
            kind, m = classify(para)
            work = None
            if kind == "roman":
                work = self._try_item(m["num"], m["num"], m["title"], None)
                if work:
                    section = top = numbered = work
            elif kind == "num":
                number = m["num"]
                parts = [str(int(part)) for part in number.split(".")]  # "01" -> "1"
                prefix = [section.item.path] if section else []
                parent = section.item.path if section else None
                for k in range(len(parts) - 1, 0, -1):
                    candidate = ".".join(prefix + parts[:k])
                    if candidate in self.works:
                        parent = candidate
                        break
                work = self._try_item(".".join(prefix + parts), number, m["title"], parent)
                if work:
                    numbered = work
                    if parent is None:
                        top = work
            elif kind == "letter" and numbered is not None:
                path = f"{numbered.item.path}.{m['num']}"
                work = self._try_item(path, m["num"], m["title"], numbered.item.path)
            if work:
                if top is not None and work is not top:
                    top.section_lines.append(para.display)
                current = work
                continue
            if top is not None:
                top.section_lines.append(para.display)
            if current is None:
                continue
            head, labels = _split_labels(para.text)
            if head:
                current.body.append(Para(head, para.bullet, para.bold, para.gap))
            current.labels.extend(labels)
        if self.plan.year is None:
            self._year_from_body(paras)
        parents = {work.item.parent for work in self.works.values()}
        for work in self.works.values():
            self._finish(work, parents)
        self._sections()

    def _year_from_body(self, paras: list[Para]) -> None:
        """No year in the header or the title: the year the tasks run in (never today's)."""
        frames = [v for w in self.works.values() for name, v in w.labels if name == "timeframe"]
        year = body_year(frames, [p.text for p in paras])
        if year is not None:
            self.plan.year = self.plan.period_year = year
            self.warn(f"Văn bản không ghi năm ban hành: lấy năm {year} theo nội dung kế hoạch.")

    def _try_item(self, path, number, title, parent) -> _Work | None:
        if path in self.works:
            self.warn(f"Mục {path} bị trùng số thứ tự; dòng được xem là nội dung của mục trước.")
            return None
        return self._new_item(path, number, title, parent)

    def _finish(self, work: _Work, parents: set[str]) -> None:
        item, year = work.item, self.plan.period_year
        item.body = "\n".join(p.display for p in work.body)
        values: dict[str, list[str]] = {}
        notes = []
        for name, value in work.labels:
            value = _clean_value(value)
            if not value:
                continue
            values.setdefault(name, []).append(value)
            if name == "lead":
                lead, partners, note = parse_lead_value(value)
                item.lead += lead
                item.partners += partners
            else:
                if name != "partners":
                    continue
                partners, note = parse_partner_value(value)
                item.partners += partners
            notes.append(note)
        item.lead, item.partners = _dedupe(item.lead), _dedupe(item.partners)
        item.lead_text = "; ".join(values.get("lead", [])) or None
        item.partners_text = "; ".join(values.get("partners", [])) or None
        item.note = "; ".join(n for n in notes if n) or None
        item.timeframe = "; ".join(values.get("timeframe", [])) or None
        if item.timeframe:
            item.timeframe_parsed, item.periods = read_timeframe(item.timeframe, year)
        item.result = "; ".join(values.get("result", [])) or None
        item.budget_text = "; ".join(values.get("budget", [])) or None

        # "Kinh phí: 40 triệu đồng (trong đó in ấn 30.000.000 đồng)": the total only.
        budget_lines = [
            sum(find_money(re.split(r"\(|\btrong\s+đó\b", v, flags=re.I)[0]))
            for v in values.get("budget", [])
        ]
        if any(budget_lines):
            item.budget_vnd = sum(budget_lines)
            item.budget_lines = labelled_lines(values.get("budget", []))
        else:
            texts = [item.title, *(p.text for p in work.body)]
            texts += [v for name, vs in values.items() if name != "budget" for v in vs]
            amounts = [a for t in texts for a in find_money(t)]
            item.budget_vnd = sum(amounts) if amounts else None
            item.budget_lines = text_lines(texts)
        if sum(x["amount_vnd"] for x in item.budget_lines) != (item.budget_vnd or 0):
            item.budget_lines = (
                [{"label": "", "amount_vnd": item.budget_vnd}] if item.budget_vnd else []
            )
        item.quantities = _dedupe_quantities(
            q
            for t in (item.title, *(p.text for p in work.body), *values.get("result", []))
            for q in find_quantities(t)
        )
        item.milestones = [
            ms for p in work.body if p.bullet for ms in [parse_milestone(p.text, year)] if ms
        ]

        labelled = bool(
            item.lead
            or item.partners
            or item.timeframe
            or item.result
            or item.budget_text
            or item.milestones
        )
        if "." not in item.path and not item.path.isdigit():  # "I", "II": a section heading
            item.kind = "task" if labelled else "heading"
        elif labelled or item.budget_vnd is not None:
            item.kind = "task"
        elif item.path in parents or item.section_role in ("purpose", "budget"):
            item.kind = "heading"
        else:
            item.kind = "task"

    def _sections(self) -> None:
        plan = self.plan
        for work in self.works.values():
            item = work.item
            if item.parent is not None:
                continue
            text = "\n".join(work.section_lines)
            plan.sections.append(ParsedSection(item.number, item.title, item.section_role, text))
            attr = {
                "purpose": "purpose_text",
                "budget": "budget_text",
                "organisation": "organisation_text",
            }.get(item.section_role or "")
            if attr and text and getattr(plan, attr) is None:
                setattr(plan, attr, text)
            if item.section_role == "organisation" and "kinh phí" in item.title.casefold():
                plan.budget_text = plan.budget_text or text

    # Recipients and signer ------------------------------------------------------------

    def _parse_tail(self, paras: list[Para]) -> None:
        plan = self.plan
        in_recipients = False
        signed = False  # a signer line came after "Nơi nhận": no more unbulleted recipients
        signer_lines: list[str] = []
        for para in paras:
            text = para.text
            if ANNEX_RE.match(text):
                self.warn("Phần phụ lục sau chữ ký không được đọc.")
                break
            if CLOSING_RE.match(text) and para.bullet is None:
                plan.closing = text if plan.closing is None else f"{plan.closing}\n{text}"
                continue
            m = NOI_NHAN_RE.match(text)
            if m and para.bullet is None:
                in_recipients, signed = True, False
                rest = m["rest"].strip()
                if rest and is_signer_line(rest):  # "Nơi nhận: KT. GIÁM ĐỐC" (two columns)
                    signer_lines.append(rest)
                elif rest:
                    plan.recipients += [clean_recipient(r) for r in re.split(r"(?<=;)\s*", rest)]
                continue
            listed = para.bullet or (not signed and text.endswith((";", ".", ",")))
            if in_recipients and listed and not is_signer_line(text):
                # "- Sở Tư pháp; PHÓ GIÁM ĐỐC": both columns on one line
                split = re.match(r"^(.*?[;.])\s+(\S.*)$", text)
                if split and is_signer_line(split.group(2)):
                    plan.recipients.append(clean_recipient(split.group(1)))
                    signer_lines.append(split.group(2))
                else:
                    plan.recipients.append(clean_recipient(text))
                continue
            signer_lines.append(para.display)
            signed = signed or in_recipients
        plan.recipients = [r for r in plan.recipients if r]
        plan.signer = parse_signer(signer_lines)
        if not plan.recipients:
            self.warn("Không tìm thấy danh sách nơi nhận.")
        if plan.signer.name is None:
            self.warn("Không tìm thấy họ tên người ký.")


def parse_plan(text: str) -> ParsedPlan:
    """Parse the text of a plan; see the module docstring. Never raises on text."""
    return _PlanParser(text if isinstance(text, str) else "").parse()


def parse_plan_file(data: bytes, filename: str) -> ParsedPlan:
    """:func:`read_plan_text` then :func:`parse_plan`."""
    return parse_plan(read_plan_text(data, filename))
