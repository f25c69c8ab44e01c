"""Write the current `bytes` and `hash` of every resource into datapackage.json.

Run after editing a file under data/; `python validate.py` then checks them.
This is the only script that writes to datapackage.json, and it changes nothing else.

    python scripts/update_hashes.py
"""
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTOR = ROOT / "datapackage.json"


def main() -> None:
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        content = (ROOT / resource["path"]).read_bytes()
        resource["bytes"] = len(content)
        resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    DESCRIPTOR.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
