package org.payengine.adapters.persistence;
