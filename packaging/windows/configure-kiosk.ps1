<#
.SYNOPSIS
    Lock a Windows 10/11 IoT Enterprise terminal down for the prison-affairs disclosure kiosk.

.DESCRIPTION
    Steps (each can be re-run; docs/install-windows.md explains them one by one):
      1. enables the Shell Launcher and Keyboard Filter features (restart and run again if asked);
      2. creates the folders for site settings, data and logs and gives the kiosk user write
         access to data and logs only;
      3. blocks Ctrl+Alt+Del, Alt+F4, Alt+Tab, the Windows keys and the other escape keys;
      4. turns off touch edge swipes (policy "Allow edge swipe" = Disabled);
      5. applies shell-launcher.xml (kiosk.exe as the kiosk user's shell, exit-code actions).
    Step 5 goes through the MDM bridge WMI provider, which only answers to SYSTEM, so run the
    script as SYSTEM, for example with Sysinternals PsExec from an elevated prompt:
        psexec.exe -i -s powershell.exe -ExecutionPolicy Bypass -File configure-kiosk.ps1

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
foreach ($folder in "$site\data", "$site\logs") {
    icacls $folder /grant "${KioskUser}:(OI)(CI)M" | Out-Null
}
$settings = Join-Path $site "settings.ini"
if (Test-Path $settings) {
    # The token is a secret: administrators and SYSTEM may change the file, the kiosk may read it.
    icacls $settings /inheritance:r /grant "*S-1-5-32-544:F" "*S-1-5-18:F" "${KioskUser}:R" |
        Out-Null
}

# 3. Keyboard Filter -----------------------------------------------------------------------
$kf = "root\standardcimv2\embedded"
$predefined = "Ctrl+Alt+Del", "Alt+F4", "Alt+Tab", "Ctrl+Esc", "Shift+Ctrl+Esc", "Alt+Esc",
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
# The Windows logo keys themselves (every Win+ shortcut starts with them).
foreach ($custom in "LWin", "RWin") {
    $key = Get-CimInstance -Namespace $kf -ClassName WEKF_CustomKey |
        Where-Object { $_.Id -eq $custom }
    if ($key) {
        $key | Set-CimInstance -Property @{ Enabled = $true }
    } else {
        Invoke-CimMethod -Namespace $kf -ClassName WEKF_CustomKey -MethodName Add `
            -Arguments @{ CustomKey = $custom } | Out-Null
    }
}

# 4. No edge swipes (Action Center, task view) on the touch screen --------------------------
$edgeUi = "HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI"
New-Item -Path $edgeUi -Force | Out-Null
New-ItemProperty -Path $edgeUi -Name "AllowEdgeSwipe" -Value 0 -PropertyType DWord -Force |
    Out-Null

# 5. Shell Launcher v2 ---------------------------------------------------------------------
$xml = Get-Content -Raw -Encoding UTF8 -Path (Join-Path $PSScriptRoot "shell-launcher.xml")
$xml = $xml.Replace('<Account Name="kiosk"/>', "<Account Name=""$KioskUser""/>")
$bridge = Get-CimInstance -Namespace "root\cimv2\mdm\dmmap" -ClassName "MDM_AssignedAccess"
$bridge.ShellLauncher = [System.Net.WebUtility]::HtmlEncode($xml)
Set-CimInstance -CimInstance $bridge | Out-Null

Write-Host "Done. Set up automatic sign-in for '$KioskUser' (docs/install-windows.md) and restart."
