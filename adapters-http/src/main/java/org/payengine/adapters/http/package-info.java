package org.payengine.adapters.http;
