"""Printing slips: one interface, backends for CUPS and a folder, and a fault harness."""

from kiosk.printing.base import (
    JobFailed,
    JobState,
    JobStuck,
    PaperOut,
    PrinterBackend,
    PrinterError,
    PrinterOffline,
    PrintJob,
    wait_for_job,
)
from kiosk.printing.cups import CupsPrinter
from kiosk.printing.factory import NoPrinter, make_backend
from kiosk.printing.fault import Faults, FaultyPrinter
from kiosk.printing.file_backend import FilePrinter

__all__ = [
    "CupsPrinter",
    "Faults",
    "FaultyPrinter",
    "FilePrinter",
    "JobFailed",
    "JobState",
    "JobStuck",
    "NoPrinter",
    "PaperOut",
    "PrintJob",
    "PrinterBackend",
    "PrinterError",
    "PrinterOffline",
    "make_backend",
    "wait_for_job",
]
