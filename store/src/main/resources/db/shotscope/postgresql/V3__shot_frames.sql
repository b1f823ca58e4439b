-- The filmstrip: up to a few dozen frames spread over a shot, as small JPEGs, gone with their shot.
CREATE TABLE shot_frames (
    shot_id      uuid    NOT NULL REFERENCES shots (id) ON DELETE CASCADE,
    frame_number integer NOT NULL,
    jpeg         bytea   NOT NULL,
    PRIMARY KEY (shot_id, frame_number)
);
