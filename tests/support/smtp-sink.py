#!/usr/bin/python3
"""A real SMTP server for tests (Debian's python3-aiosmtpd): every accepted message is written to
DIR as <nanoseconds>-<n>.eml (atomically: written under .tmp, then renamed). Prints "ready PORT"
when it listens on 127.0.0.1:PORT and runs until SIGTERM or SIGINT."""
import argparse
import itertools
import os
import signal
import sys
import time

from aiosmtpd.controller import Controller


class DirectoryHandler:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count()

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns():020d}-{next(self.counter):04d}.eml"
        temporary = os.path.join(self.directory, name + ".tmp")
        header = "".join(f"X-Sink-Rcpt: {rcpt}\r\n" for rcpt in envelope.rcpt_tos)
        header += f"X-Sink-Mail-From: {envelope.mail_from}\r\n"
        with open(temporary, "wb") as out:
            out.write(header.encode("ascii", "replace"))
            out.write(envelope.original_content or envelope.content)
        os.rename(temporary, os.path.join(self.directory, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    controller = Controller(DirectoryHandler(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"ready {args.port}", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()
    return 0


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    sys.exit(main())
