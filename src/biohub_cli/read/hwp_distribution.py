"""Distribution-only (배포용) HWP: decrypting a ViewText/Section stream.

The stream starts with an HWPTAG_DISTRIBUTE_DOC_DATA record of 256 bytes. Its first four bytes
seed an MSVC-style linear congruential generator; the generator's output, taken as runs of
(rand() & 0xF) + 1 bytes each XORed with one value (rand() & 0xFF), unmasks the other 252 bytes.
The AES-128 key is the 16 bytes at 4 + (seed & 0xF). Everything after the record is
AES-128-ECB, then raw deflate when the document is compressed.
"""

from __future__ import annotations

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.read.hwp_records import HWPTAG_DISTRIBUTE_DOC_DATA, HWPTAG_PARA_HEADER, iter_records
from biohub_cli.read.limits import ExpansionBudget, inflate_raw

DOC_DATA_SIZE = 256
AES_BLOCK = 16
UNDECRYPTABLE = "distribution-only (배포용) HWP could not be decrypted; ask the sender for an ordinary copy"


class MsvcRandom:
    """The C runtime rand() of Microsoft Visual C: seed * 214013 + 2531011, 15 bits out."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def rand(self) -> int:
        self.state = (self.state * 214013 + 2531011) & 0xFFFFFFFF
        return (self.state >> 16) & 0x7FFF


def decode_doc_data(payload: bytes) -> bytes:
    """Unmask the 256-byte DISTRIBUTE_DOC_DATA payload (the first four bytes stay as they are)."""
    if len(payload) != DOC_DATA_SIZE:
        raise ReadError(UNDECRYPTABLE)
    data = bytearray(payload)
    random = MsvcRandom(int.from_bytes(payload[:4], "little"))
    key = 0
    count = 0
    for index in range(DOC_DATA_SIZE):
        if count == 0:
            key = random.rand() & 0xFF
            count = (random.rand() & 0xF) + 1
        if index >= 4:
            data[index] ^= key
        count -= 1
    return bytes(data)


def aes_key(payload: bytes) -> bytes:
    """The AES-128 key hidden in a DISTRIBUTE_DOC_DATA payload."""
    decoded = decode_doc_data(payload)
    offset = 4 + (decoded[0] & 0xF)
    return decoded[offset:offset + 16]


def decrypt_view_text(stream: bytes, *, compressed: bool, budget: ExpansionBudget) -> bytes:
    """The plain record stream of one ViewText section; ReadError when it does not decrypt."""
    try:
        return _decrypt(stream, compressed=compressed, budget=budget)
    except TooLargeError:
        raise
    except Exception as exc:  # whatever goes wrong, the user hears one thing: it did not decrypt
        raise ReadError(UNDECRYPTABLE) from exc


def _decrypt(stream: bytes, *, compressed: bool, budget: ExpansionBudget) -> bytes:
    first = next(iter_records(stream[:4 + DOC_DATA_SIZE]), None)
    if first is None or first.tag != HWPTAG_DISTRIBUTE_DOC_DATA or len(first.payload) != DOC_DATA_SIZE:
        raise ReadError(UNDECRYPTABLE)
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    body = stream[4 + DOC_DATA_SIZE:]
    body = body[:len(body) - len(body) % AES_BLOCK]
    if not body:
        raise ReadError(UNDECRYPTABLE)
    decryptor = Cipher(algorithms.AES(aes_key(first.payload)), modes.ECB()).decryptor()
    plain = decryptor.update(body) + decryptor.finalize()
    if compressed:
        plain = inflate_raw(plain, budget)
    else:
        budget.take(len(plain))
    records = iter_records(plain)
    head = next(records, None)
    if head is None or head.tag != HWPTAG_PARA_HEADER or head.level != 0:
        raise ReadError(UNDECRYPTABLE)
    return plain
