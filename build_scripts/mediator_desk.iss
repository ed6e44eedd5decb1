; 人民调解工作台 — the Windows installer (Inno Setup 6).
;
; Build on Windows after the program folder (docs/building.md):
;     py build_scripts\bootstrap.py build --installer
; or by hand:
;     py build_scripts\bootstrap.py build
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" build_scripts\mediator_desk.iss
; → dist\mediator-desk-<version>-setup.exe
;
; Per-user install without administrator rights (into %LOCALAPPDATA%\Programs\MediatorDesk),
; Chinese wizard, start-menu entries (the program and its self-test) and an optional desktop
; shortcut. The data — %LOCALAPPDATA%\mediator_desk (database, attachments, backups, keys) — is
; never written by the installer and stays when the program is uninstalled. A newer version
; installs over an older one (same AppId: same folder, the old program files replaced); the
; program upgrades the database itself at its first start, after a verified backup.
;
; The Chinese wizard needs ChineseSimplified.isl, an unofficial Inno Setup translation that the
; Inno Setup installer does not include: copy it into Inno Setup's Languages folder first
; (docs/building.md says where to get it).

#define AppName "人民调解工作台"
#define ExeName "mediator-desk.exe"
#define CliName "mediator-desk-cli.exe"
#define BuildDir AddBackslash(SourcePath) + "..\dist\mediator-desk"

#ifndef AppVersion
  ; the version resource of the built program (build_scripts/winversion.py, from __version__)
  #define AppVersion GetVersionNumbersString(BuildDir + "\" + ExeName)
#endif

#if !FileExists(BuildDir + "\" + ExeName)
  #error dist\mediator-desk\mediator-desk.exe is missing: run "py build_scripts\bootstrap.py build" first
#endif
#if !FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #error ChineseSimplified.isl is missing from Inno Setup's Languages folder (see docs/building.md)
#endif

[Setup]
; Never change the AppId: it is how an install of a newer version finds the older one.
AppId={{5B7E2C1A-93D4-4F6B-A8E2-6C0D1F47B39E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\MediatorDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\dist
OutputBaseFilename=mediator-desk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\mediator-desk.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and 11 only
MinVersion=10.0
; close a running copy (Restart Manager) before replacing its files
CloseApplications=yes

[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the program's libraries whole, so no file of the older version lingers
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} 自检"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliName}"" --self-test"; WorkingDir: "{app}"; IconFilename: "{app}\{#ExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
