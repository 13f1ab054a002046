<#
.SYNOPSIS
    Lock a Windows 10/11 IoT Enterprise terminal down for the prison-affairs disclosure kiosk.

.DESCRIPTION
    Steps (each can be re-run; docs/install-windows.md explains them one by one):
      1. enables the Shell Launcher and Keyboard Filter features (restart and run again if asked);
      2. creates the folders for site settings, data and logs and gives the kiosk user write
         access to data and logs only (no other standard account can read them);
      3. blocks Ctrl+Alt+Del, Alt+F4, Alt+Tab, the Windows keys and the other escape keys, and
         keeps the accessibility shortcuts (Sticky Keys) off, which would bypass the filter;
      4. turns off touch edge swipes (policy "Allow edge swipe" = Disabled);
      5. applies shell-launcher.xml (kiosk.exe as the kiosk user's shell, exit-code actions).
    Step 5 goes through the MDM bridge WMI provider, which only answers to SYSTEM, so run the
    script as SYSTEM, for example with Sysinternals PsExec from an elevated prompt:
        psexec.exe -i -s powershell.exe -NoExit -ExecutionPolicy Bypass -File configure-kiosk.ps1
    (-NoExit keeps the window, and with it the script's messages, open when it ends.)

.PARAMETER KioskUser
    The local standard account that runs the kiosk (must exist; see the install guide).
#>
param(
    [string] $KioskUser = "kiosk"
)
$ErrorActionPreference = "Stop"

if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
    throw "Local user '$KioskUser' does not exist. Create it first (docs/install-windows.md)."
}
# Automatic sign-in fails once the password expires (42 days by default off a domain).
Set-LocalUser -Name $KioskUser -PasswordNeverExpires $true

function Assert-Icacls([string] $What) {
    # icacls reports failure by its exit code, which $ErrorActionPreference does not see.
    if ($LASTEXITCODE -ne 0) { throw "icacls failed ($LASTEXITCODE) on $What" }
}

# 1. Features ------------------------------------------------------------------------------
$restart = $false
foreach ($feature in "Client-EmbeddedShellLauncher", "Client-KeyboardFilter") {
    if ((Get-WindowsOptionalFeature -Online -FeatureName $feature).State -ne "Enabled") {
        $result = Enable-WindowsOptionalFeature -Online -FeatureName $feature -All -NoRestart
        if ($result.RestartNeeded) { $restart = $true }
    }
}
if ($restart) {
    Write-Host "Features enabled. Restart Windows, then run this script again."
    exit 1
}

# 2. Folders -------------------------------------------------------------------------------
# settings.ini here is the site file the kiosk reads by default (platformdirs site_config_dir).
$site = Join-Path $env:ProgramData "prison-kiosk"
foreach ($folder in $site, "$site\data", "$site\logs") {
    New-Item -ItemType Directory -Force -Path $folder | Out-Null
}
# Not inherited from ProgramData, where every user may read: the database, the officer PIN's
# hash and the logs are for administrators, SYSTEM and the kiosk account only.
foreach ($folder in "$site\data", "$site\logs") {
    icacls $folder /inheritance:r /grant "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-18:(OI)(CI)F" `
        "${KioskUser}:(OI)(CI)M" | Out-Null
    Assert-Icacls $folder
}
$settings = Join-Path $site "settings.ini"
if (Test-Path $settings) {
    # The token is a secret: administrators and SYSTEM may change the file, the kiosk may read it.
    icacls $settings /inheritance:r /grant "*S-1-5-32-544:F" "*S-1-5-18:F" "${KioskUser}:R" |
        Out-Null
    Assert-Icacls $settings
}

# 3. Keyboard Filter -----------------------------------------------------------------------
$kf = "root\standardcimv2\embedded"
$predefined = "Ctrl+Alt+Del", "Alt+F4", "Alt+Tab", "Ctrl+Esc", "Shift+Ctrl+Esc",
              "Alt+Space", "Ctrl+Tab", "Win+L", "Win+D", "Win+E", "Win+R", "Win+Tab"
foreach ($id in $predefined) {
    $key = Get-CimInstance -Namespace $kf -ClassName WEKF_PredefinedKey |
        Where-Object { $_.Id -eq $id }
    if ($key) {
        $key | Set-CimInstance -Property @{ Enabled = $true }
    } else {
        Write-Warning "Keyboard Filter has no predefined key '$id' on this Windows build."
    }
}
# The Windows logo keys themselves (every Win+ shortcut starts with them), and Alt+Esc, which
# is not among the predefined combinations.
foreach ($custom in "LWin", "RWin", "Alt+Esc") {
    $key = Get-CimInstance -Namespace $kf -ClassName WEKF_CustomKey |
        Where-Object { $_.Id -eq $custom }
    if ($key) {
        $key | Set-CimInstance -Property @{ Enabled = $true }
    } else {
        $added = Invoke-CimMethod -Namespace $kf -ClassName WEKF_CustomKey -MethodName Add `
            -Arguments @{ CustomKey = $custom }
        if ($added.ReturnValue -ne 0) {
            throw "Keyboard Filter could not block '$custom' ($($added.ReturnValue))"
        }
    }
}
# With Sticky Keys and the other accessibility shortcuts on, a user can bypass Keyboard Filter
# (Microsoft's Keyboard Filter overview); this keeps them off for filtered accounts.
Get-CimInstance -Namespace $kf -ClassName WEKF_Settings |
    Where-Object { $_.Name -eq "ForceOffAccessibility" } |
    Set-CimInstance -Property @{ Value = "true" }

# 4. No edge swipes (Action Center, task view) on the touch screen --------------------------
$edgeUi = "HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI"
# New-Item -Force on an existing key would empty it of other policies' values.
if (-not (Test-Path $edgeUi)) { New-Item -Path $edgeUi -Force | Out-Null }
New-ItemProperty -Path $edgeUi -Name "AllowEdgeSwipe" -Value 0 -PropertyType DWord -Force |
    Out-Null

# 5. Shell Launcher v2 ---------------------------------------------------------------------
$xml = Get-Content -Raw -Encoding UTF8 -Path (Join-Path $PSScriptRoot "shell-launcher.xml")
$xml = $xml.Replace('<Account Name="kiosk"/>', "<Account Name=""$KioskUser""/>")
$bridge = Get-CimInstance -Namespace "root\cimv2\mdm\dmmap" -ClassName "MDM_AssignedAccess"
$bridge.ShellLauncher = [System.Net.WebUtility]::HtmlEncode($xml)
Set-CimInstance -CimInstance $bridge | Out-Null

Write-Host "Done. Set up automatic sign-in for '$KioskUser' (docs/install-windows.md) and restart."
