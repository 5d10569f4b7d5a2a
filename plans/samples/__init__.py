"""The centre's real sample plans: demo data and test inputs."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "samples"  # ../shared/samples beside the checkout

PLAN_2021 = "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt"
PLAN_2025 = "ke-hoach-2025-chuyen-de-tgpl.txt"


def samples_dir() -> Path:
    """The shared samples when the checkout has them beside it, else the bundled copy."""
    return SHARED if (SHARED / PLAN_2021).is_file() else HERE


def sample_path(name: str) -> Path:
    return samples_dir() / name
