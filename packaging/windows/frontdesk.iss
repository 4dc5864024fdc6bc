; Inno Setup 6 script: a per-machine installer for the PyInstaller onedir.
; Built by packaging\build.ps1, which passes the version from pyproject.toml:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=..\out\dist\frontdesk /DOutputDir=..\out packaging\windows\frontdesk.iss

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (packaging\build.ps1 does)
#endif
#ifndef SourceDir
  #define SourceDir "..\out\dist\frontdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\out"
#endif

[Setup]
; Never change AppId: upgrades find the installed copy by it.
AppId={{6C1E2B9A-4F0D-4C7B-9E7E-2A5D3F1B8C41}
AppName=Frontdesk
AppVersion={#AppVersion}
AppVerName=Frontdesk {#AppVersion}
AppPublisher=Frontdesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Frontdesk
DefaultGroupName=Frontdesk
DisableProgramGroupPage=yes
OutputDir={#OutputDir}
OutputBaseFilename=frontdesk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\frontdesk.ico
UninstallDisplayIcon={app}\frontdesk.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Frontdesk"; Filename: "{app}\frontdesk.exe"; Comment: "Reception-desk bookings"
Name: "{autoprograms}\Frontdesk demo (sample data)"; Filename: "{app}\frontdesk.exe"; Parameters: "--demo"
Name: "{autodesktop}\Frontdesk"; Filename: "{app}\frontdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\frontdesk.exe"; Description: "{cm:LaunchProgram,Frontdesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program folder only: drafts and settings in %LOCALAPPDATA%\frontdesk stay (they may
; hold bookings not yet sent).
Type: filesandordirs; Name: "{app}\_internal"
