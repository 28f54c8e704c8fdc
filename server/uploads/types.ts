// The upload contract the cabinet API uses; server/uploads/uploads.ts implements it with multer.
import type { RequestHandler, Router } from 'express';

export interface Uploads {
  /**
   * Handles a multipart POST with one field "file" for the exhibitor in req.params.exhibitorId
   * (the caller has already checked the session and the right to act for that exhibitor).
   * Answers 201 with UploadResult (shared/api.ts), or 400/413/415 with ApiError.
   */
  receive: RequestHandler;
  /** Serves stored uploads under API.uploads with safe content types. */
  serve: Router;
}
