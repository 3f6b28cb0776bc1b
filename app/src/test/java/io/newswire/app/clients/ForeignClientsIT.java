package io.newswire.app.clients;

/** Foreign clients on single-object values, newswire's default: they decode with the published .avsc files. */
class ForeignClientsIT extends ForeignClientsContract {

    @Override
    String registryUrl() {
        return null;
    }
}
