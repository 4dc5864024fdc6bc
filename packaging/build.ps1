# Build the Windows installer: PyInstaller onedir, its self-test, then Inno Setup.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#
# Needs: Python 3.11+ (py launcher), Inno Setup 6 (ISCC.exe on PATH or in its default
# folder). Output: packaging\out\frontdesk-<version>-windows-x64-setup.exe
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Out = Join-Path $Root "packaging\out"
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"

if (-not (Test-Path $Py)) {
    Write-Host "==> Creating .venv"
    py -3.11 -m venv $Venv
}
Write-Host "==> Installing Frontdesk with the packaging tools"
& $Py -m pip install -q --upgrade pip
& $Py -m pip install -q -e ".[packaging]"

$Version = (& $Py packaging\project_version.py).Trim()
Write-Host "==> Frontdesk $Version"

Write-Host "==> Translations (lrelease: resources\i18n\*.ts -> *.qm)"
& $Py packaging\translations.py build
if ($LASTEXITCODE -ne 0) { throw "building the translations failed" }

Write-Host "==> PyInstaller onedir"
& $Py -m PyInstaller --noconfirm --log-level WARN --distpath "$Out\dist" --workpath "$Out\build" packaging\frontdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# A windowed program has no console: --self-test writes its report to %TEMP%.
Write-Host "==> Smoke test (--self-test, offscreen)"
$env:QT_QPA_PLATFORM = "offscreen"
$p = Start-Process -FilePath "$Out\dist\frontdesk\frontdesk.exe" -ArgumentList "--self-test" -Wait -PassThru
Remove-Item Env:\QT_QPA_PLATFORM
Get-Content (Join-Path $env:TEMP "frontdesk-self-test.txt")
if ($p.ExitCode -ne 0) { throw "The self-test failed" }

$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 not found: install it from https://jrsoftware.org/isinfo.php" }
Write-Host "==> Inno Setup"
& $Iscc "/DAppVersion=$Version" "/DSourceDir=$Out\dist\frontdesk" "/DOutputDir=$Out" packaging\windows\frontdesk.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }

$Size = (Get-ChildItem -Recurse "$Out\dist\frontdesk" | Measure-Object -Property Length -Sum).Sum / 1e6
Write-Host ("==> onedir {0:N1} MB; installer: {1}" -f $Size, (Join-Path $Out "frontdesk-$Version-windows-x64-setup.exe"))
