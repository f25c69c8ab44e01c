"""Write the current `bytes` and `hash` of every resource into a datapackage.json.

Run after editing a file under data/; `python validate.py` then checks them. This is the
only script that writes to datapackage.json, and it changes nothing but those two fields.

    python scripts/update_hashes.py [PATH/datapackage.json]
"""
import hashlib
import json
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "datapackage.json"


def update_hashes(descriptor: Path) -> None:
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        content = (descriptor.parent / resource["path"]).read_bytes()
        resource["bytes"] = len(content)
        resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    update_hashes(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
