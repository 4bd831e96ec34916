/**
 * Multilingual text as stored and sent by the API. Serbian is kept in the script it was typed in
 * (Cyrillic or Latin); the web app shows it in the reader's chosen script.
 */
export interface LocalisedText {
  en?: string | null;
  sr?: string | null;
}
