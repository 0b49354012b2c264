; Inno Setup 6 script: a per-user installer for PenPortrait (no administrator rights).
; Built by build.ps1 after `python .ci\dist\build.py`:  iscc /DAppVersion=0.1.0 penportrait.iss
; Silent install for deployment:   PenPortrait-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
; Silent uninstall:                "%LOCALAPPDATA%\Programs\PenPortrait\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F0C1B52-8C2E-4E55-9B3C-2D1E5A7F4C11}
AppName=PenPortrait
AppVersion={#AppVersion}
AppPublisher=The PenPortrait developers
; Per user: {autopf} is %LOCALAPPDATA%\Programs when not elevated.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\PenPortrait
DefaultGroupName=PenPortrait
DisableProgramGroupPage=yes
OutputDir=..\..\..\dist
OutputBaseFilename=PenPortrait-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\penportraitw.exe

[Files]
Source: "..\..\..\dist\penportrait\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\PenPortrait"; Filename: "{app}\penportraitw.exe"; WorkingDir: "{app}"

[Run]
Filename: "{app}\penportraitw.exe"; Description: "Open PenPortrait"; Flags: nowait postinstall skipifsilent
