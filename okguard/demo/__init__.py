"""Generated demo data: a bilingual personal history and large benchmark files."""

from okguard.demo.csv_writer import write_benchmark_csv, write_csv
from okguard.demo.generator import generate_history
from okguard.demo.history import DemoHistory, RowRef

__all__ = ["DemoHistory", "RowRef", "generate_history", "write_benchmark_csv", "write_csv"]
