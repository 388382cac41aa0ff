/**
 * Header wordings the robustness test substitutes for the fixtures' own headers, per truth field.
 * Written as exports and carriers phrase them; several are deliberately not dictionary entries
 * ("Orig. MSISDN", "Talk Time (s)") so the test also measures generalization.
 */
export type Wordings = Record<string, readonly string[]>;

export const ENGLISH: Wordings = {
  caller: ["Calling Party", "A-Party Number", "Orig. Nbr", "From Number", "Orig. MSISDN", "Caller ID", "Calling Party Nbr"],
  callee: ["Called Party", "B-Party Number", "Term. Nbr", "To Number", "Dest. No.", "Recipient", "Called Party #"],
  dialed_digits: ["Digits Dialed", "Dialled No.", "Dialed #"],
  start_time: ["Start Date/Time", "Call Start (Date Time)", "Timestamp", "Event Time", "Connect Date Time"],
  end_time: ["End Date/Time", "Call End", "Release Time", "Disconnect Date Time"],
  start_date: ["Call Date", "Date of Call", "Event Date", "Connect Date"],
  start_clock: ["Call Time", "Time of Day", "Connect Time", "Start Clock"],
  duration_seconds: ["Elapsed Time", "Length (sec)", "Call Duration", "Talk Time (s)", "Duration (seconds)"],
  direction: ["Direction of Call", "Inbound/Outbound", "Call Dir."],
  record_type: ["Record Type", "Usage Type", "Service"],
  call_type: ["Call Code", "Type Code", "Call Type Code"],
  target: ["Target MDN", "Subscriber MSISDN", "Target Number"],
  imei: ["IMEI Number", "Device IMEI", "Handset ID"],
  imsi: ["IMSI Number", "Subscriber Identity (IMSI)"],
  cell_first: ["First Cell", "Start Cell ID", "Cell Tower"],
  cell_last: ["Last Cell", "End Cell ID", "Final Cell"],
  item: ["Row", "Seq #", "Record No."],
};

export const GERMAN: Wordings = {
  caller: ["Rufnummer A", "Anrufende Rufnummer", "A-Teilnehmer"],
  callee: ["Rufnummer B", "Angerufene Rufnummer", "Zielrufnummer"],
  dialed_digits: ["Gewählte Rufnummer", "Wahlziffern"],
  start_time: ["Beginn (Datum/Uhrzeit)", "Datum/Uhrzeit", "Zeitstempel"],
  end_time: ["Ende", "Verbindungsende"],
  start_date: ["Datum", "Anrufdatum"],
  start_clock: ["Uhrzeit", "Zeit"],
  duration_seconds: ["Dauer (s)", "Gesprächsdauer", "Verbindungsdauer"],
  direction: ["Richtung", "Anrufrichtung"],
  record_type: ["Dienst", "Ereignistyp"],
  call_type: ["Anruftyp", "Verbindungstyp"],
  target: ["Überwachte Rufnummer", "Anschluss"],
  imei: ["IMEI", "Gerätekennung (IMEI)"],
  imsi: ["IMSI"],
  cell_first: ["Funkzelle", "Erste Zelle"],
  cell_last: ["Letzte Zelle"],
  item: ["Nr.", "Zeile"],
};

export const SPANISH: Wordings = {
  caller: ["Número de origen", "Número llamante", "Abonado A"],
  callee: ["Número de destino", "Número llamado", "Abonado B"],
  dialed_digits: ["Dígitos marcados", "Número marcado"],
  start_time: ["Fecha/Hora", "Fecha y hora de inicio", "Inicio"],
  end_time: ["Fecha/Hora fin", "Fin"],
  start_date: ["Fecha", "Fecha de llamada"],
  start_clock: ["Hora", "Hora de inicio"],
  duration_seconds: ["Duración (seg)", "Duración", "Segundos"],
  direction: ["Dirección", "Sentido"],
  record_type: ["Tipo de servicio", "Servicio"],
  call_type: ["Tipo de llamada", "Código de llamada"],
  target: ["Número objetivo", "Línea"],
  imei: ["IMEI"],
  imsi: ["IMSI"],
  cell_first: ["Celda inicial", "Celda"],
  cell_last: ["Celda final"],
  item: ["Fila", "Nº"],
};

export const FRENCH: Wordings = {
  caller: ["Numéro appelant", "Appelant", "Numéro source"],
  callee: ["Numéro appelé", "Destinataire", "Numéro de destination"],
  dialed_digits: ["Numéro composé", "Chiffres composés"],
  start_time: ["Date/Heure", "Horodatage", "Début"],
  end_time: ["Fin", "Heure de fin"],
  start_date: ["Date", "Date appel"],
  start_clock: ["Heure", "Heure appel"],
  duration_seconds: ["Durée", "Durée (s)", "Durée de l'appel"],
  direction: ["Sens", "Sens d'appel"],
  record_type: ["Type de service", "Nature"],
  call_type: ["Type d'appel", "Code appel"],
  target: ["Numéro cible", "Ligne"],
  imei: ["IMEI"],
  imsi: ["IMSI"],
  cell_first: ["Cellule", "Cellule de début"],
  cell_last: ["Cellule de fin"],
  item: ["N°", "Rang"],
};

/** Machine-style and terse headers (snake_case, camelCase, abbreviations) that are mostly not dictionary phrases. */
export const TERSE: Wordings = {
  caller: ["ORIG_MSISDN", "callingPartyNumber", "A_NUM", "OrigNum", "CLG_PTY_NBR"],
  callee: ["TERM_MSISDN", "calledPartyNumber", "B_NUM", "DestNum", "CLD_PTY_NBR"],
  dialed_digits: ["DIALED_NUM", "dialedDigits", "DLD_DGTS"],
  start_time: ["StartDateTime", "CALL_START_TS", "startTime", "EVT_DT_TM"],
  end_time: ["EndDateTime", "CALL_END_TS", "endTime"],
  start_date: ["CALL_DT", "callDate", "EVT_DT"],
  start_clock: ["CALL_TM", "callTime", "EVT_TM"],
  duration_seconds: ["DUR_SEC", "callDuration", "Dur (s)", "ElapsedSecs"],
  direction: ["DIR", "callDirection", "IO_FLAG"],
  record_type: ["SVC_TYPE", "eventType", "RecType"],
  call_type: ["CALL_TYP", "callTypeCode", "CT_CODE"],
  target: ["TGT_MDN", "targetMsisdn", "SUBSCRIBER_NBR"],
  imei: ["IMEI_NBR", "deviceImei"],
  imsi: ["IMSI_NBR", "subscriberImsi"],
  cell_first: ["FIRST_CELL_ID", "startCellId", "CELL_ID_1"],
  cell_last: ["LAST_CELL_ID", "endCellId", "CELL_ID_LAST"],
  item: ["SEQ_NBR", "rowNum", "REC_NO"],
};

export const PORTUGUESE_ITALIAN: Wordings = {
  caller: ["Número de origem", "Numero chiamante", "Chamador"],
  callee: ["Número de destino", "Numero chiamato", "Chamado"],
  dialed_digits: ["Número discado", "Numero composto"],
  start_time: ["Data/Hora", "Data e ora", "Início"],
  end_time: ["Fim", "Data fine"],
  start_date: ["Data", "Data chamada"],
  start_clock: ["Hora", "Ora"],
  duration_seconds: ["Duração (s)", "Durata", "Duração da chamada"],
  direction: ["Direção", "Direzione"],
  record_type: ["Serviço", "Tipo di evento"],
  call_type: ["Tipo de chamada", "Tipo chiamata"],
  target: ["Número alvo", "Utenza"],
  imei: ["IMEI"],
  imsi: ["IMSI"],
  cell_first: ["Célula inicial", "Cella iniziale"],
  cell_last: ["Célula final", "Cella finale"],
  item: ["Linha", "Riga"],
};

/** Headers that name no role at all: the rows must decide which number is which. */
export const SILENT_PHONES: Wordings = {
  caller: ["Number 1", "Party 1", "MSISDN 1"],
  callee: ["Number 2", "Party 2", "MSISDN 2"],
};
