// Landmark groups on MediaPipe's 478-point mesh that expressions move. "Right"/"left" are the
// subject's own (on an upright photo the subject's right is image-left). Indices follow
// mediapipe/python/solutions/face_mesh_connections.py.

export const MOUTH_CORNER_RIGHT = 61;
export const MOUTH_CORNER_LEFT = 291;
/** The skin just under each mouth corner, which a frown's muscle (AU15) pulls down with it. */
export const BELOW_MOUTH_CORNER_RIGHT = 43;
export const BELOW_MOUTH_CORNER_LEFT = 273;

/** Each lip is four rings of landmarks from its outer edge to the mouth line (corners excluded). */
export const UPPER_LIP_OUTER = [185, 40, 39, 37, 0, 267, 269, 270, 409] as const;
export const UPPER_LIP_SEMI_OUTER = [184, 74, 73, 72, 11, 302, 303, 304, 408] as const;
export const UPPER_LIP_SEMI_INNER = [183, 42, 41, 38, 12, 268, 271, 272, 407] as const;
export const LOWER_LIP_SEMI_OUTER = [77, 90, 180, 85, 16, 315, 404, 320, 307] as const;
export const LOWER_LIP_SEMI_INNER = [96, 89, 179, 86, 15, 316, 403, 319, 325] as const;
/** Corner landmarks of the four rings, outer to inner, on each side. */
export const MOUTH_CORNERS_RIGHT = [61, 76, 62, 78] as const;
export const MOUTH_CORNERS_LEFT = [291, 306, 292, 308] as const;
export const LOWER_LIP_OUTER = [146, 91, 181, 84, 17, 314, 405, 321, 375] as const;
export const UPPER_LIP_INNER = [191, 80, 81, 82, 13, 312, 311, 310, 415] as const;
export const LOWER_LIP_INNER = [95, 88, 178, 87, 14, 317, 402, 318, 324] as const;
export const INNER_MOUTH_CORNER_RIGHT = 78;
export const INNER_MOUTH_CORNER_LEFT = 308;

export const UPPER_LIP = [...UPPER_LIP_OUTER, ...UPPER_LIP_SEMI_OUTER, ...UPPER_LIP_SEMI_INNER] as const;
export const LOWER_LIP = [...LOWER_LIP_OUTER, ...LOWER_LIP_SEMI_OUTER, ...LOWER_LIP_SEMI_INNER] as const;

/** The inner lip line as a closed loop: right inner corner, upper lip, left inner corner, lower lip back. */
export const INNER_LIP_LOOP = [INNER_MOUTH_CORNER_RIGHT, ...UPPER_LIP_INNER, INNER_MOUTH_CORNER_LEFT, ...[...LOWER_LIP_INNER].reverse()] as const;

export const RIGHT_EYE_UPPER_LID = [246, 161, 160, 159, 158, 157, 173] as const;
export const RIGHT_EYE_LOWER_LID = [7, 163, 144, 145, 153, 154, 155] as const;
export const LEFT_EYE_UPPER_LID = [466, 388, 387, 386, 385, 384, 398] as const;
export const LEFT_EYE_LOWER_LID = [249, 390, 373, 374, 380, 381, 382] as const;
export const RIGHT_EYE_CORNERS = [33, 133] as const;
export const LEFT_EYE_CORNERS = [263, 362] as const;
/** The skin fold above each upper lid, which follows the lid part of the way. */
export const RIGHT_EYE_FOLD = [247, 30, 29, 27, 28, 56, 190] as const;
export const LEFT_EYE_FOLD = [467, 260, 259, 257, 258, 286, 414] as const;

export const RIGHT_IRIS = [468, 469, 470, 471, 472] as const;
export const LEFT_IRIS = [473, 474, 475, 476, 477] as const;

/** Brows from the inner end (near the nose) to the outer end, upper and lower edge. */
export const RIGHT_BROW = [107, 66, 105, 63, 70, 55, 65, 52, 53, 46] as const;
export const LEFT_BROW = [336, 296, 334, 293, 300, 285, 295, 282, 283, 276] as const;
export const RIGHT_BROW_INNER = [107, 55, 66, 65] as const;
export const LEFT_BROW_INNER = [336, 285, 296, 295] as const;

export const RIGHT_CHEEK = [50, 101, 36, 205, 187, 123, 116, 117, 118, 119, 100, 47] as const;
export const LEFT_CHEEK = [280, 330, 266, 425, 411, 352, 345, 346, 347, 348, 329, 277] as const;
