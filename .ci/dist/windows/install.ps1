# Install PenPortrait for the current Windows user: no administrator rights needed.
#
#   powershell -ExecutionPolicy Bypass -File install.ps1 [-Source <folder or .zip>] [-Silent]
#   powershell -ExecutionPolicy Bypass -File install.ps1 -Uninstall [-Silent]
#
# -Source   the built app: the dist\penportrait folder or the penportrait-*-windows-*.zip
#           (default: a penportrait folder or zip next to this script)
# -Silent   no questions and no messages, for deployment (exit status 0 on success)
#
# Installs into %LOCALAPPDATA%\Programs\PenPortrait, adds a Start-menu entry that opens the
# window without a console, and registers an uninstaller in the user's "Installed apps".
# Pupil data is never touched: it lives in the data folder the app shows in Help > About.
[CmdletBinding()]
param(
    [string]$Source = "",
    [switch]$Silent,
    [switch]$Uninstall
)
$ErrorActionPreference = "Stop"
$target = Join-Path $env:LOCALAPPDATA "Programs\PenPortrait"
$menu = Join-Path ([Environment]::GetFolderPath("Programs")) "PenPortrait.lnk"
$uninstallKey = "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\PenPortrait"

function Say([string]$text) { if (-not $Silent) { Write-Host $text } }

if ($Uninstall) {
    if (Test-Path $menu) { Remove-Item $menu -Force }
    if (Test-Path $uninstallKey) { Remove-Item $uninstallKey -Recurse -Force }
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    Say "PenPortrait has been removed. Pupil data folders were left as they were."
    exit 0
}

if (-not $Source) {
    $candidates = @(Join-Path $PSScriptRoot "penportrait") + @(Get-ChildItem $PSScriptRoot -Filter "penportrait-*-windows-*.zip" | ForEach-Object FullName)
    $Source = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Source) { throw "No built PenPortrait next to this script: pass -Source <folder or zip>." }
}
$staging = $null
if ($Source -like "*.zip") {
    $staging = Join-Path ([IO.Path]::GetTempPath()) ("penportrait-" + [Guid]::NewGuid())
    Expand-Archive -Path $Source -DestinationPath $staging
    $Source = Join-Path $staging "penportrait"
}
if (-not (Test-Path (Join-Path $Source "penportraitw.exe"))) {
    throw "$Source is not a Windows build of PenPortrait (no penportraitw.exe)."
}

# Replace an older copy whole, so no file of an old version is left behind.
if (Test-Path $target) { Remove-Item $target -Recurse -Force }
New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
Copy-Item -Path $Source -Destination $target -Recurse
if ($staging) { Remove-Item $staging -Recurse -Force }

$shell = New-Object -ComObject WScript.Shell
$link = $shell.CreateShortcut($menu)
$link.TargetPath = Join-Path $target "penportraitw.exe"
$link.WorkingDirectory = $target
$link.Description = "PenPortrait: one-page pupil pen portraits"
$link.Save()

$version = (& (Join-Path $target "penportrait.exe") --version) -replace "^PenPortrait ", ""
New-Item -Path $uninstallKey -Force | Out-Null
$values = @{
    DisplayName = "PenPortrait"
    DisplayVersion = $version
    Publisher = "The PenPortrait developers"
    InstallLocation = $target
    UninstallString = "powershell -ExecutionPolicy Bypass -File `"$target\install.ps1`" -Uninstall"
    QuietUninstallString = "powershell -ExecutionPolicy Bypass -File `"$target\install.ps1`" -Uninstall -Silent"
    NoModify = 1
    NoRepair = 1
}
foreach ($name in $values.Keys) { New-ItemProperty -Path $uninstallKey -Name $name -Value $values[$name] -Force | Out-Null }
Copy-Item -Path $PSCommandPath -Destination (Join-Path $target "install.ps1") -Force

Say "PenPortrait $version is installed in $target, with an entry in the Start menu."
exit 0
