-- H2 flavour of postgresql/V3__shot_frames.sql (a large object for the JPEG).
CREATE TABLE shot_frames (
    shot_id      uuid                NOT NULL REFERENCES shots (id) ON DELETE CASCADE,
    frame_number integer             NOT NULL,
    jpeg         binary large object NOT NULL,
    PRIMARY KEY (shot_id, frame_number)
);
