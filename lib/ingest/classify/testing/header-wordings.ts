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
