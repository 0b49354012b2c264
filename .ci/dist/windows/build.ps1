# Build PenPortrait for Windows on a Windows machine with Python 3.11+ (python.org installer,
# "py" launcher). Run from anywhere:  powershell -ExecutionPolicy Bypass -File .ci\dist\windows\build.ps1
# Writes dist\penportrait\ (penportrait.exe for the command line, penportraitw.exe for the window
# without a console) and dist\penportrait-<version>-windows-x86_64.zip; with Inno Setup 6
# installed (iscc on the PATH or in its default folder) also dist\PenPortrait-<version>-setup.exe.
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..\..")
Set-Location $root
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
.\.venv\Scripts\python -m pip install --quiet --upgrade pip
.\.venv\Scripts\python -m pip install --quiet -e ".[dist]"
.\.venv\Scripts\python .ci\dist\build.py
if ($LASTEXITCODE -ne 0) { throw "the build failed" }
.\dist\penportrait\penportrait.exe --version
if ($LASTEXITCODE -ne 0) { throw "the built app does not start" }

$version = (.\.venv\Scripts\python -c "import penportrait; print(penportrait.__version__)").Trim()
$iscc = Get-Command iscc -ErrorAction SilentlyContinue
$isccPath = if ($iscc) { $iscc.Source } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (Test-Path $isccPath) {
    & $isccPath "/DAppVersion=$version" ".ci\dist\windows\penportrait.iss"
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
} else {
    Write-Host "Inno Setup not found: the zip and install.ps1 are enough to deploy."
}
