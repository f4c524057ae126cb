package org.oncogate.store;

/** Told when a bucket's data key is created or destroyed (the audit log listens). */
public interface KeyEvents {

    KeyEvents NONE = new KeyEvents() {
        @Override
        public void created(Bucket bucket) {
        }

        @Override
        public void destroyed(Bucket bucket) {
        }
    };

    void created(Bucket bucket);

    void destroyed(Bucket bucket);
}
