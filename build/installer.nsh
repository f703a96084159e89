; Seat's NSIS additions. The installer is per-machine (electron-builder.yml: nsis.perMachine) so IT
; can deploy it silently with `Seat-Setup.exe /S`; here the tel: handler is registered machine-wide
; so click-to-dial from a CRM reaches the running seat (main/app/singleInstance.ts receives it).
!macro customInstall
  WriteRegStr HKLM "Software\Classes\tel" "" "URL:Telephone"
  WriteRegStr HKLM "Software\Classes\tel" "URL Protocol" ""
  WriteRegStr HKLM "Software\Classes\tel\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  ReadRegStr $0 HKLM "Software\Classes\tel\shell\open\command" ""
  StrCmp $0 '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"' 0 +2
    DeleteRegKey HKLM "Software\Classes\tel"
!macroend
