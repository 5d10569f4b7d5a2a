"""The plan reader: a plan document (.docx, .pdf, .txt or pasted text) into a
:class:`ParsedPlan`, the one typed contract that the command line, the web preview and the
import service share. Pure Python: nothing here imports Django.

* :func:`read_plan_text` — an uploaded file into text (:mod:`plans.reader.files`);
* :func:`parse_plan` — text into a :class:`ParsedPlan` (:mod:`plans.reader.parser`);
* :func:`plan_to_json` / :func:`plan_from_json` — its one JSON form
  (:mod:`plans.reader.contract`).
"""

from .contract import (
    KINDS,
    ContractError,
    MilestoneData,
    ParsedItem,
    ParsedPlan,
    ParsedSection,
    ParsedSigner,
    Period,
    PlanReference,
    Quantity,
    TimeframeData,
    plan_from_json,
    plan_to_json,
)
from .errors import PlanParseError
from .files import read_plan_text
from .parser import PATH_RE, parse_plan, parse_plan_file
from .timeframes import read_timeframe

__all__ = [
    "KINDS",
    "PATH_RE",
    "ContractError",
    "MilestoneData",
    "ParsedItem",
    "ParsedPlan",
    "ParsedSection",
    "ParsedSigner",
    "Period",
    "PlanParseError",
    "PlanReference",
    "Quantity",
    "TimeframeData",
    "parse_plan",
    "parse_plan_file",
    "plan_from_json",
    "plan_to_json",
    "read_plan_text",
    "read_timeframe",
]
