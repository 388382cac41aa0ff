import { stripAccents } from "./normalize-header";

const OUT =
  /^(out|outgoing|outbound|o|mo|moc|sent|dialed|dialled|smsmo|sms-mo|mo-sms|mmsmo|voice-mo|msoriginating\w*|originating|saliente|sortant|ausgehend|efetuada|saida|in uscita|uscita)$/;
const IN =
  /^(in|incoming|inbound|i|mt|mtc|received|missed|smsmt|sms-mt|mt-sms|mmsmt|voice-mt|msterminating\w*|terminating|entrante|entrant|eingehend|recebida|entrada|in entrata|entrata)$/;

/** Reads one direction or call-type cell as the row's direction, or null when it says neither. */
export function rowDirection(raw: string): "out" | "in" | null {
  const v = stripAccents(raw.trim().toLowerCase()).replace(/_/g, "-");
  if (OUT.test(v)) return "out";
  if (IN.test(v)) return "in";
  return null;
}
