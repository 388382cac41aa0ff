import type { LayoutFamily } from "./types";

/**
 * Bandwidth Voice API call state (Get Call State / List Calls, model CallState as documented in the
 * bandwidth-sdk: https://www.rubydoc.info/gems/bandwidth-sdk/Bandwidth/CallState): callId (`c-` + hex groups), parentCallId, applicationId, accountId, to, from,
 * direction (inbound / outbound), state, stirShaken, identity, enqueuedTime, startTime, answerTime,
 * endTime, disconnectCause, errorMessage, errorId, lastUpdate — times ISO 8601 with milliseconds
 * and `Z`. Some exports carry a `duration` as an ISO 8601 length (`PT1M30S`); without one the
 * length is end − start. `answerTime` is never the start.
 */
export const BANDWIDTH: LayoutFamily = {
  positional: [],
  header: [
    {
      carrier: "bandwidth",
      name: "Bandwidth Voice calls",
      source: "https://www.rubydoc.info/gems/bandwidth-sdk/Bandwidth/CallState",
      markers: [
        "callId",
        "parentCallId",
        "applicationId",
        "accountId",
        "answerTime",
        "disconnectCause",
        "errorMessage",
        "errorId",
        "lastUpdate",
        "enqueuedTime",
        "stirShaken",
        "callUrl",
      ],
      minMarkers: 3,
      idPattern: /^c-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      fields: {
        caller: ["from"],
        callee: ["to"],
        start_time: ["startTime"],
        end_time: ["endTime"],
        duration_seconds: ["duration"],
        direction: ["direction"],
      },
      zone: null,
    },
  ],
};
