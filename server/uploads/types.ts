// The upload contract the cabinet API uses; server/uploads/uploads.ts implements it with multer.
import type { RequestHandler, Router } from 'express';

export interface Uploads {
  /**
   * Handles a multipart POST with one field "file" for the exhibitor in req.params.exhibitorId
   * (the caller has already checked the session and the right to act for that exhibitor).
   * Answers 201 with UploadResult (shared/api.ts), or 400/413/415 with ApiError. An optional
   * `?kind=image|video|document|captions` says which slot the file is for (415 otherwise).
   */
  receive: RequestHandler;
  /** Serves stored uploads with safe content types; mount at API.uploads. */
  serve: Router;
}
