"""What the fixture scripts share: saving a workbook the way LibreOffice does."""
import os
import shutil
import subprocess
import tempfile


def libreoffice(source, target, filter_name="Calc MS Excel 2007 XML"):
    """Opens the file in LibreOffice (which calculates the formulas) and saves it as `target` (its extension
    names the format) with the export filter given."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        ext = os.path.splitext(target)[1][1:]
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                f"{ext}:{filter_name}",
                "--outdir",
                tmp,
                source,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        produced = os.path.join(tmp, os.path.splitext(os.path.basename(source))[0] + "." + ext)
        shutil.move(produced, target)
