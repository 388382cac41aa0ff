import type { MappableField } from "../../schemas/fields";

/** A mappable field, or `ignore`: a column carriers deliver that has no place in the canonical record. */
export type HeaderTarget = MappableField | "ignore";

/**
 * Header wordings per field, in English, German, Spanish, French, Portuguese and Italian.
 * Entries are written naturally; `normalizeHeader` folds both sides (case, accents,
 * punctuation, abbreviations such as Nbr/No./#/Dt/Tm/Orig/Term) before comparing.
 */
// "Other party", "correspondent", "remote number" name the counterparty: the callee on outgoing
// rows and the caller on incoming ones; the record builder resolves it with the target and the direction.
export const HEADER_SYNONYMS: Record<HeaderTarget, readonly string[]> = {
  caller: [
    "caller", "calling", "calling number", "calling party", "calling party number", "calling nbr", "calling msisdn",
    "calling phone", "caller number", "caller id", "caller phone", "caller msisdn", "clid", "cli", "cgpn", "ani",
    "originating", "originating number", "originating party", "originating msisdn", "originating mdn", "originating address",
    "orig number", "orig nbr", "originating phone", "from", "from number", "from phone", "from msisdn", "from party", "sender",
    "sender number", "a number", "a party", "a party number", "a msisdn", "a subscriber", "a nr", "a-nummer", "anumber",
    "source", "source number", "source phone", "source msisdn", "source address", "src number", "call from", "made by",
    "number from", "msisdn a",
    // Billing records: the charged party is the one who called (the non-charged one is the callee).
    "charged party", "charged number", "charged msisdn", "billed party", "billed number", "chargeable party",
    // Nested JSON parties (`from.uri`, `from.endpoint`) and PBX exports.
    "from endpoint", "from uri", "from address", "from phone number", "caller id number", "source endpoint",
    // German
    "rufnummer a", "a rufnummer", "anrufer", "anrufende nummer", "anrufende rufnummer", "rufende nummer", "rufende rufnummer",
    "anrufernummer", "absender", "von", "von nummer", "von rufnummer", "teilnehmer a", "a teilnehmer", "quellrufnummer",
    // Spanish
    "numero de origen", "numero origen", "origen", "llamante", "numero llamante", "numero que llama", "abonado a",
    "numero a", "remitente", "emisor", "telefono origen", "numero emisor", "desde",
    // French
    "numero appelant", "appelant", "numero de l appelant", "numero source", "emetteur", "expediteur", "numero a", "abonne a",
    "numero emetteur", "depuis",
    // Portuguese
    "numero de origem", "origem", "chamador", "numero chamador", "telefone origem", "assinante a", "remetente",
    // Italian
    "numero chiamante", "chiamante", "numero di origine", "mittente", "utente a",
  ],
  callee: [
    "callee", "called", "called number", "called party", "called party number", "called nbr", "called msisdn",
    "called phone", "callee number", "cdpn", "dnis", "terminating", "terminating number", "terminating party",
    "terminating msisdn", "terminating address", "term number", "term nbr", "to", "to number", "to phone", "to msisdn",
    "to party", "recipient", "recipient number", "receiver", "receiver number", "b number", "b party", "b party number",
    "b msisdn", "b subscriber", "b nr", "bnumber", "destination", "destination number", "destination phone",
    "destination address", "destination msisdn", "dest number", "call to", "number to", "msisdn b", "received by",
    "to endpoint", "to uri", "to address", "to phone number", "destination endpoint",
    "non charged party", "non charged number", "non charged msisdn", "non billed party", "non billed number",
    // German
    "rufnummer b", "b rufnummer", "angerufene nummer", "angerufene rufnummer", "angerufener", "zielrufnummer",
    "zielnummer", "empfanger", "empfangernummer", "an", "an nummer", "an rufnummer", "teilnehmer b", "b teilnehmer",
    // Spanish
    "numero de destino", "numero destino", "destino", "llamado", "numero llamado", "abonado b", "numero b",
    "destinatario", "receptor", "telefono destino", "hacia",
    // French
    "numero appele", "appele", "numero de destination", "destinataire", "numero b", "abonne b", "numero destinataire", "vers",
    // Portuguese
    "numero de destino", "numero chamado", "chamado", "telefone destino", "assinante b",
    // Italian
    "numero chiamato", "chiamato", "numero di destinazione", "destinazione", "destinatario", "utente b",
  ],
  target: [
    "target", "target number", "target msisdn", "target mdn", "target phone", "mobile directory number", "mdn",
    "msisdn", "subscriber", "subscriber number", "subscriber msisdn", "account number", "served msisdn", "served mdn",
    "served number", "served party", "own number", "my number", "user number", "line number", "device number",
    "target subscriber", "subject number", "mobile number", "wireless number", "phone number", "cell number",
    "zielperson", "anschluss", "uberwachte rufnummer", "eigene rufnummer", "teilnehmernummer",
    "numero objetivo", "abonado", "linea", "numero del abonado", "numero propio",
    "numero cible", "ligne", "numero abonne", "abonne", "numero surveille",
    "numero alvo", "assinante", "linha", "numero do assinante",
    "utenza", "numero utente", "numero bersaglio",
  ],
  counterparty: [
    "counterparty", "counterpart", "counter party", "correspondent", "correspondent number", "correspondent msisdn",
    "partner", "partner number", "partner msisdn", "partner phone", "other party", "other party number", "other number",
    "other msisdn", "other phone", "remote party", "remote number", "remote party number", "remote msisdn", "remote phone",
    "peer number", "interlocutor", "contact number", "third party", "opposite party", "opposite number",
    // German
    "gegenstelle", "gegenteilnehmer", "gegennummer", "gegenrufnummer", "andere rufnummer", "anderer teilnehmer", "gesprachspartner",
    // Spanish
    "contraparte", "otro numero", "otra parte", "numero remoto", "corresponsal",
    // French
    "correspondant", "numero correspondant", "numero du correspondant", "interlocuteur", "autre numero", "partie distante",
    // Portuguese
    "outro numero", "outra parte", "numero remoto", "correspondente",
    // Italian
    "controparte", "altro numero", "corrispondente", "interlocutore", "numero remoto",
  ],
  dialed_digits: [
    "dialed digits", "dialed digit number", "dialed number", "dialed", "dialled digits", "dialled number", "digits dialed",
    "digits dialled", "digits", "dialed nbr", "original dialed", "dialed string", "dial string", "keyed digits",
    "gewahlte nummer", "gewahlte rufnummer", "wahlziffern", "gewahlte ziffern",
    "digitos marcados", "numero marcado", "marcado",
    "chiffres composes", "numero compose", "compose",
    "digitos discados", "numero discado", "discado",
    "cifre composte", "numero composto", "composto",
  ],
  start_time: [
    "start time", "start", "start date time", "start datetime", "start timestamp", "call start", "call start time",
    "date time", "datetime", "timestamp", "date and time", "time stamp", "event time", "event date time", "event timestamp",
    "call date time", "call time", "call date", "seizure date time", "seizure datetime", "seizure dt tm", "connection date time",
    "conn date time", "answer time", "begin", "begin time", "started", "started at", "time of call", "when",
    "created", "date created", "created at", "created time", "initiated", "initiated at", "initiation time", "initiation timestamp",
    "start stamp", "setup time", "date time origination", "origination time",
    "datum uhrzeit", "datum zeit", "zeitstempel", "beginn", "startzeit", "anrufzeit", "verbindungsbeginn", "zeitpunkt",
    "fecha hora", "fecha y hora", "inicio", "hora inicio", "fecha inicio", "marca de tiempo", "fecha de la llamada",
    "date heure", "date et heure", "horodatage", "debut", "heure de debut", "date debut", "date appel",
    "data hora", "data e hora", "inicio chamada", "hora de inicio", "data inicio",
    "data ora", "data e ora", "inizio", "ora inizio", "data inizio", "orario",
  ],
  end_time: [
    "end time", "end", "end date time", "end datetime", "end date", "call end", "call end time", "stop time",
    "release time", "disconnect time", "hangup time", "finished", "ended", "ended at", "end timestamp",
    "end stamp", "disconnect timestamp", "disconnected", "disconnected at", "date time disconnect", "hangup", "released",
    "ende", "endzeit", "verbindungsende", "fin", "hora fin", "fecha fin", "fin de llamada", "heure de fin", "date fin",
    "fim", "hora fim", "data fim", "fine", "ora fine", "data fine",
  ],
  duration_seconds: [
    "duration", "call duration", "duration seconds", "call length", "length", "elapsed", "elapsed time", "et",
    "seconds", "talk time", "talktime", "talk duration", "talking time", "speaking time", "conversation duration", "conversation time", "call time length", "billsec", "billable seconds", "usage",
    "air time", "airtime", "call seconds", "minutes", "bill seconds", "billed seconds", "billable duration", "billed duration", "billing duration", "duration minutes", "min of use", "total duration", "time used",
    "dauer", "anrufdauer", "gesprachsdauer", "verbindungsdauer", "dauer sekunden", "sekunden", "zeitdauer",
    "duracion", "duracion de la llamada", "segundos", "tiempo", "duracion llamada",
    "duree", "duree appel", "duree de l appel", "secondes",
    "duracao", "duracao chamada", "duracao da chamada", "segundos",
    "durata", "durata chiamata", "secondi",
  ],
  direction: [
    "direction", "call direction", "in out", "inbound outbound", "incoming outgoing", "io", "mo mt", "call dir",
    "origin terminating", "directionality", "flow", "way", "inbound", "outbound", "incoming", "outgoing",
    "richtung", "anrufrichtung", "verkehrsrichtung", "eingehend ausgehend",
    "direccion", "sentido", "entrante saliente", "tipo de direccion",
    "sens", "sens d appel", "entrant sortant",
    "direcao", "sentido da chamada", "entrada saida",
    "direzione", "verso", "entrata uscita",
  ],
  record_type: [
    "record type", "event type", "type", "service", "service type", "usage type", "call category", "category",
    "kind", "event", "activity", "communication type", "media", "medium", "interaction", "channel", "record kind",
    "typ", "dienst", "art", "ereignistyp", "dienstart", "verbindungsart",
    "tipo", "tipo de evento", "servicio", "tipo de registro", "tipo de servicio",
    "type d evenement", "type d appel", "service", "nature", "type de service",
    "tipo de evento", "servico", "tipo de chamada",
    "tipo di evento", "servizio", "tipo chiamata",
  ],
  call_type: [
    "call type", "ct", "call code", "type code", "call type code", "call case", "mobile role", "m r", "m r number",
    "cdr type", "record code", "traffic type", "call kind", "event code",
    "anruftyp", "verbindungstyp", "tipo de llamada", "codigo de llamada", "type appel", "code appel",
    "tipo chamada", "codigo chamada", "codice chiamata",
  ],
  imei: ["imei", "imei number", "device id", "equipment id", "handset", "handset id", "esn", "meid", "imeisv", "device imei", "geratekennung", "identificador equipo"],
  imsi: ["imsi", "imsi number", "sim", "sim id", "subscriber identity", "iccid", "sim number"],
  cell_first: [
    "cell", "cell id", "cell site", "cell location", "first cell", "first cell id", "1st cell", "1st cell id", "start cell",
    "cell tower", "tower", "site", "site id", "ci", "cgi", "ecgi", "lac ci", "originating cell", "serving cell",
    "location", "antenna", "antenna id", "bts", "first site", "cell site id", "starting cell", "cell first",
    "funkzelle", "zelle", "zellen id", "standort", "erste zelle", "celda", "celda inicial", "antena", "cellule",
    "cellule de debut", "celula", "celula inicial", "cella", "cella iniziale",
  ],
  cell_last: [
    "last cell", "last cell id", "end cell", "final cell", "terminating cell", "ending cell", "last site", "cell last",
    "letzte zelle", "celda final", "cellule de fin", "celula final", "cella finale", "last tower",
  ],
  start_date: [
    "date", "start date", "call date", "connection date", "conn date", "event date", "date of call", "day",
    "datum", "anrufdatum", "fecha", "fecha de llamada", "date appel", "jour", "data", "data chamada", "data chiamata", "giorno",
  ],
  start_clock: [
    "time", "start time", "call time", "connection time", "conn time", "event time", "time of day", "hour",
    "uhrzeit", "zeit", "hora", "hora de llamada", "heure", "heure appel", "ora", "ora chiamata",
  ],
  item: ["item", "row", "row number", "line", "line number", "seq", "sequence", "sequence number", "record number", "record", "index", "nr", "zeile", "fila", "ligne numero", "linha", "riga", "n"],
  time_zone: ["time zone", "timezone", "tz", "zone", "utc offset", "offset", "zeitzone", "zona horaria", "fuseau horaire", "fuso horario", "fuso orario"],
  ignore: [
    "seizure time", "seizure", "feature", "features", "neid", "ne id", "repoll", "repoll number", "sector", "network element",
    "network element name", "switch", "switch name", "msc", "msc id", "msc name", "element", "trunk", "route", "lac",
    "tac", "mcc", "mnc", "disposition", "status", "result", "hangup cause", "cause", "response code", "sip response code", "sip code", "cause code", "disconnect cause", "release cause", "call result",
    "cost", "charge", "price", "rate",
    "amount", "uuid", "call id", "session id", "account code", "accountcode", "context", "dcontext", "channel name",
    "dstchannel", "lastapp", "lastdata", "amaflags", "userfield", "notes", "note", "comment", "comments", "description",
    "name", "contact name", "caller name", "callee name", "latitude", "longitude", "lat", "lon", "azimuth", "bearing", "address",
    "city", "state", "country", "zip", "roaming", "roam", "billing", "plan", "codec", "ip", "remote media ip",
    "quantity", "sku", "warehouse", "updated", "product", "stock", "unit", "units", "vendor", "supplier",
    "merkmal", "vermittlungsstelle", "kosten", "preis", "coste", "precio", "estado", "cout", "prix", "statut", "custo",
    "preco", "costo", "prezzo", "stato",
  ],
};

/** Header qualifiers ("(min)", "[ms]") that name a duration unit. */
export const DURATION_UNIT_WORDS: Record<string, "seconds" | "minutes" | "milliseconds"> = {
  seconds: "seconds", s: "seconds", sekunden: "seconds", segundos: "seconds", secondes: "seconds", secondi: "seconds",
  minutes: "minutes", m: "minutes", minuten: "minutes", minutos: "minutes", minuti: "minutes", mn: "minutes",
  milliseconds: "milliseconds", millisekunden: "milliseconds", milisegundos: "milliseconds", millisecondes: "milliseconds",
};
